import { describe, expect, it } from 'vitest';
import { longestWord } from '../../src/components/choice-group/longest-word';

describe('longestWord', () => {
  it('counts the longest run a line cannot break, spaces and CJK characters being breaks', () => {
    expect(longestWord(['All cards', 'Zhonggangtong Card', 'Yuanyou Card'])).toBe(13);
    expect(longestWord(['全部卡片', '中港通卡', '遠遊卡'])).toBe(0);
    expect(longestWord(['中港通卡 ABC'])).toBe(3);
    expect(longestWord(['Top-ups'])).toBe(7);
    expect(longestWord([])).toBe(0);
  });
});
