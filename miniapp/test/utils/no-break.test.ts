import { describe, expect, it } from 'vitest';
import { noBreak, noBreakInNumbers } from '../../src/utils/no-break';

describe('noBreak', () => {
  it('joins every word of a number, a phone or a time with no-break spaces', () => {
    expect(noBreak('6288 **** **** 0014')).toBe('6288\u00a0****\u00a0****\u00a00014');
    expect(noBreak('+86 138****8000')).toBe('+86\u00a0138****8000');
  });
});

describe('noBreakInNumbers', () => {
  it('joins only the groups of a masked number, so the line may still break before it', () => {
    expect(noBreakInNumbers('Zhonggangtong Card 6288 **** **** 0014')).toBe(
      'Zhonggangtong Card 6288\u00a0****\u00a0****\u00a00014',
    );
    expect(noBreakInNumbers('遠遊卡 8852 **** **** 0024 增值')).toBe('遠遊卡 8852\u00a0****\u00a0****\u00a00024 增值');
    expect(noBreakInNumbers('Top up 2024 for you')).toBe('Top up 2024 for you');
  });
});
