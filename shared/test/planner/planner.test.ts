import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_IDS } from '../../src/cards/cards';
import { PLANNER_LIMITS, planTopups } from '../../src/planner/planner';
import { TOPUP_RULES } from '../../src/topup/rules';
import { TOLL_SEGMENTS } from '../../src/trips/segments';

const yuan = (n: number) => n * 100;

const card = fc.constantFrom(...CARD_IDS);
// Trips per week in tenths, so fractions (a trip every other week) are covered without float noise in the generator.
const tripsPerWeek = fc
  .integer({ min: PLANNER_LIMITS.minTripsPerWeek * 10, max: PLANNER_LIMITS.maxTripsPerWeek * 10 })
  .map((tenths) => tenths / 10);
const fee = fc.integer({ min: PLANNER_LIMITS.minFeeMinor, max: PLANNER_LIMITS.maxFeeMinor });

describe('planTopups', () => {
  it('a weekly commuter on 中港通卡: a month of trips rounded up to a preset, weekly checks, two weeks as threshold', () => {
    // 2 trips a week at ¥65: ¥130 a week, ¥563.33… a month → the ¥1,000 preset.
    expect(planTopups({ card: 'zhonggangtong', tripsPerWeek: 2, usualFeeMinor: yuan(65) })).toEqual({
      currency: 'CNY',
      monthlySpendMinor: 56_334,
      suggestedTopupMinor: yuan(1000),
      tripsPerTopup: 15,
      topupsPerMonth: 1,
      checkBalance: 'weekly',
      reminderThresholdMinor: yuan(260),
    });
  });

  it('an occasional 遠遊卡 driver: the smallest preset that covers the month, checks before each trip, one fee as threshold', () => {
    // A trip every four weeks at HK$150: HK$162.50 a month → the HK$200 preset.
    expect(planTopups({ card: 'yuanyou', tripsPerWeek: 0.25, usualFeeMinor: yuan(150) })).toEqual({
      currency: 'HKD',
      monthlySpendMinor: 16_250,
      suggestedTopupMinor: yuan(200),
      tripsPerTopup: 1,
      topupsPerMonth: 1,
      checkBalance: 'before_each_trip',
      reminderThresholdMinor: yuan(150),
    });
  });

  it('when a month costs more than the largest preset, suggests the largest and how many a month take', () => {
    // 14 trips a week at HK$150: HK$9,100 a month; the largest preset is HK$3,000.
    const plan = planTopups({ card: 'yuanyou', tripsPerWeek: 14, usualFeeMinor: yuan(150) });
    expect(plan.suggestedTopupMinor).toBe(yuan(3000));
    expect(plan.topupsPerMonth).toBe(4);
    expect(plan.reminderThresholdMinor).toBe(28 * yuan(150));
  });

  it('exactly one trip a week is a weekly driver; just under is occasional', () => {
    expect(planTopups({ card: 'zhonggangtong', tripsPerWeek: 1, usualFeeMinor: yuan(35) }).checkBalance).toBe('weekly');
    expect(planTopups({ card: 'zhonggangtong', tripsPerWeek: 0.9, usualFeeMinor: yuan(35) }).checkBalance).toBe(
      'before_each_trip',
    );
  });

  it('plans for every sample segment of both cards', () => {
    for (const type of CARD_IDS) {
      for (const segment of TOLL_SEGMENTS[type]) {
        const plan = planTopups({ card: type, tripsPerWeek: 1, usualFeeMinor: segment.feeMinor });
        expect(TOPUP_RULES[type].presetsMinor).toContain(plan.suggestedTopupMinor);
        expect(plan.currency).toBe(TOPUP_RULES[type].currency);
      }
    }
  });

  it('refuses input outside its limits', () => {
    for (const tripsPerWeek of [0, -1, 0.05, 15, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => planTopups({ card: 'yuanyou', tripsPerWeek, usualFeeMinor: yuan(150) })).toThrow(RangeError);
    }
    for (const usualFeeMinor of [0, -100, 12.5, PLANNER_LIMITS.maxFeeMinor + 1]) {
      expect(() => planTopups({ card: 'yuanyou', tripsPerWeek: 1, usualFeeMinor })).toThrow(RangeError);
    }
  });

  describe('properties', () => {
    it('always suggests a preset of the card type within its min and max', () => {
      fc.assert(
        fc.property(card, tripsPerWeek, fee, (type, trips, usualFeeMinor) => {
          const rules = TOPUP_RULES[type];
          const plan = planTopups({ card: type, tripsPerWeek: trips, usualFeeMinor });
          expect(rules.presetsMinor).toContain(plan.suggestedTopupMinor);
          expect(plan.suggestedTopupMinor).toBeGreaterThanOrEqual(rules.minMinor);
          expect(plan.suggestedTopupMinor).toBeLessThanOrEqual(rules.maxMinor);
        }),
      );
    });

    it('covers the month with one top-up whenever some preset can; otherwise the largest, enough times', () => {
      fc.assert(
        fc.property(card, tripsPerWeek, fee, (type, trips, usualFeeMinor) => {
          const presets = TOPUP_RULES[type].presetsMinor;
          const plan = planTopups({ card: type, tripsPerWeek: trips, usualFeeMinor });
          if (plan.monthlySpendMinor <= Math.max(...presets)) {
            expect(plan.suggestedTopupMinor).toBeGreaterThanOrEqual(plan.monthlySpendMinor);
            // …and it is the smallest such preset: no cheaper preset would have done.
            expect(presets.filter((p) => p >= plan.monthlySpendMinor && p < plan.suggestedTopupMinor)).toEqual([]);
            expect(plan.topupsPerMonth).toBe(1);
          } else {
            expect(plan.suggestedTopupMinor).toBe(Math.max(...presets));
            expect(plan.topupsPerMonth * plan.suggestedTopupMinor).toBeGreaterThanOrEqual(plan.monthlySpendMinor);
          }
        }),
      );
    });

    it('the threshold is at least one fee and a whole number of trips', () => {
      fc.assert(
        fc.property(card, tripsPerWeek, fee, (type, trips, usualFeeMinor) => {
          const plan = planTopups({ card: type, tripsPerWeek: trips, usualFeeMinor });
          expect(plan.reminderThresholdMinor).toBeGreaterThanOrEqual(usualFeeMinor);
          expect(plan.reminderThresholdMinor % usualFeeMinor).toBe(0);
          expect(Number.isSafeInteger(plan.reminderThresholdMinor)).toBe(true);
        }),
      );
    });

    it('more trips never suggest less: not a smaller top-up, not a lower threshold, not rarer checks', () => {
      fc.assert(
        fc.property(card, tripsPerWeek, tripsPerWeek, fee, (type, a, b, usualFeeMinor) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          const low = planTopups({ card: type, tripsPerWeek: fewer, usualFeeMinor });
          const high = planTopups({ card: type, tripsPerWeek: more, usualFeeMinor });
          expect(high.monthlySpendMinor).toBeGreaterThanOrEqual(low.monthlySpendMinor);
          expect(high.suggestedTopupMinor).toBeGreaterThanOrEqual(low.suggestedTopupMinor);
          expect(high.reminderThresholdMinor).toBeGreaterThanOrEqual(low.reminderThresholdMinor);
          if (low.checkBalance === 'weekly') expect(high.checkBalance).toBe('weekly');
        }),
      );
    });

    it('a dearer trip never suggests less either', () => {
      fc.assert(
        fc.property(card, tripsPerWeek, fee, fee, (type, trips, a, b) => {
          const [cheaper, dearer] = a <= b ? [a, b] : [b, a];
          const low = planTopups({ card: type, tripsPerWeek: trips, usualFeeMinor: cheaper });
          const high = planTopups({ card: type, tripsPerWeek: trips, usualFeeMinor: dearer });
          expect(high.suggestedTopupMinor).toBeGreaterThanOrEqual(low.suggestedTopupMinor);
          expect(high.reminderThresholdMinor).toBeGreaterThanOrEqual(low.reminderThresholdMinor);
        }),
      );
    });
  });
});
