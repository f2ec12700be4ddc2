import { describe, expect, it } from 'vitest';
import { CARDS, CARD_IDS } from '../../src/cards/cards';
import { TOPUP_RULES, activePromotion, checkTopupAmount, promotionBonus, topupMonth } from '../../src/topup/rules';

describe('top-up rules', () => {
  it('are consistent for every card type', () => {
    for (const card of CARD_IDS) {
      const rules = TOPUP_RULES[card];
      expect(rules.currency).toBe(CARDS[card].currency);
      for (const preset of rules.presetsMinor) expect(checkTopupAmount(card, preset)).toBeUndefined();
      expect(rules.maxMinor).toBeLessThanOrEqual(rules.monthlyCapMinor);
      // Promotions of one card never overlap, so "the" running promotion is well defined.
      const sorted = [...rules.promotions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
      for (let i = 1; i < sorted.length; i += 1)
        expect(Date.parse(sorted[i]!.startsAt)).toBeGreaterThanOrEqual(Date.parse(sorted[i - 1]!.endsAt));
    }
    expect(TOPUP_RULES.zhonggangtong.methods).toEqual(['wechatpay', 'alipay']);
    expect(TOPUP_RULES.yuanyou.methods).toEqual(['unionpay', 'credit_card']);
  });

  it('checks amounts: whole units, minimum, maximum', () => {
    expect(checkTopupAmount('zhonggangtong', 4900)).toBe('too_low');
    expect(checkTopupAmount('zhonggangtong', 5000)).toBeUndefined();
    expect(checkTopupAmount('zhonggangtong', 500000)).toBeUndefined();
    expect(checkTopupAmount('zhonggangtong', 500100)).toBe('too_high');
    expect(checkTopupAmount('zhonggangtong', 10050)).toBe('not_whole_unit');
    expect(checkTopupAmount('yuanyou', 9900)).toBe('too_low');
  });

  it('runs a promotion from its start (inclusive) to its end (exclusive), Hong Kong time', () => {
    expect(activePromotion('yuanyou', new Date('2026-11-14T15:59:59Z'))).toBeUndefined();
    expect(activePromotion('yuanyou', new Date('2026-11-14T16:00:00Z'))?.id).toBe('yuanyou-2026-winter');
    expect(activePromotion('yuanyou', new Date('2027-02-28T15:59:59Z'))?.id).toBe('yuanyou-2026-winter');
    expect(activePromotion('yuanyou', new Date('2027-02-28T16:00:00Z'))?.id).toBe('yuanyou-2027-spring');
    expect(activePromotion('zhonggangtong', new Date('2026-12-02T00:00:00Z'))).toBeUndefined();
  });

  it('gives the bonus of the highest tier reached', () => {
    const winter = TOPUP_RULES.yuanyou.promotions.find((p) => p.id === 'yuanyou-2026-winter');
    expect(promotionBonus(winter, 49_900)).toBe(0);
    expect(promotionBonus(winter, 50_000)).toBe(2_000);
    expect(promotionBonus(winter, 150_000)).toBe(5_000);
    expect(promotionBonus(winter, 200_000)).toBe(12_000);
    expect(promotionBonus(undefined, 200_000)).toBe(0);
  });

  it('counts the monthly cap by calendar month in UTC+8', () => {
    const month = topupMonth(new Date('2026-11-30T16:30:00Z')); // 1 Dec 00:30 in Hong Kong
    expect(month.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(month.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const december = topupMonth(new Date('2026-12-31T15:59:59Z'));
    expect(december.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});
