import { describe, expect, it } from 'vitest';
import { longestWord, rowWidthInCh } from '../../src/components/choice-group/label-widths';

describe('longestWord', () => {
  it('counts the longest run a line cannot break, spaces and CJK characters being breaks', () => {
    expect(longestWord(['All cards', 'Zhonggangtong Card', 'Yuanyou Card'])).toBe(13);
    expect(longestWord(['全部卡片', '中港通卡', '遠遊卡'])).toBe(0);
    expect(longestWord(['中港通卡 ABC'])).toBe(3);
    expect(longestWord(['Top-ups'])).toBe(7);
    expect(longestWord([])).toBe(0);
  });
});

describe('rowWidthInCh', () => {
  it('adds up the labels, a CJK or full-width character counting two', () => {
    expect(rowWidthInCh(['All', 'Top-ups', 'Bonuses', 'Trips'])).toBe(22);
    expect(rowWidthInCh(['全部', '充值', '赠送', '通行'])).toBe(16);
    expect(rowWidthInCh(['中港通卡 ABC'])).toBe(12);
    expect(rowWidthInCh(['（全部）'])).toBe(8);
    expect(rowWidthInCh([])).toBe(0);
  });
});
