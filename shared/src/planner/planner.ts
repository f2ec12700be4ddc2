import type { CardId, Currency } from '../cards/cards';
import { TOPUP_RULES } from '../topup/rules';

/**
 * 规划充值周期: from how often a person drives and what a trip usually costs, suggest a top-up amount,
 * how often to check the balance, and a low-balance reminder threshold. The guides' tips are the
 * source (GUIDE-FACTS.md, "Tips for both cards"): check the balance regularly so a low balance never
 * stops you at a toll lane (tip 1); plan a top-up cycle from how often you drive: someone who crosses
 * every week checks about once a week, an occasional driver tops up as needed (tip 2).
 *
 * The rule:
 * - A month of driving costs `tripsPerWeek × fee × 52 / 12` (52 weeks in 12 months), rounded up to a
 *   whole minor unit.
 * - The suggested top-up is the smallest preset of the card type (TOPUP_RULES, within its min/max)
 *   that covers that month, so one top-up lasts about a month. When even the largest preset does not,
 *   the largest is suggested and `topupsPerMonth` says how many of it a month takes.
 * - Checking: weekly for anyone who drives at least once a week (tip 2's weekly crosser); an
 *   occasional driver (fewer than one trip a week) checks before each trip, since weeks may pass
 *   between trips and a weekly habit would not form.
 * - The reminder threshold is about two weeks of trips (`ceil(2 × tripsPerWeek)` trips, so it is a
 *   whole number of trips) and never less than one trip's fee: the reminder then comes while there
 *   is still time to top up before the lane declines the card.
 * Every part grows (never shrinks) with more trips or a higher fee.
 */

/** How often the planner suggests looking at the balance. */
export const CHECK_CADENCES = ['weekly', 'before_each_trip'] as const;
export type CheckCadence = (typeof CHECK_CADENCES)[number];

/** What the planner accepts; the miniapp's form checks these bounds before calling it. */
export const PLANNER_LIMITS = {
  /** Fractions allowed: 0.5 is a trip every other week. */
  minTripsPerWeek: 0.1,
  /** Two crossings a day, every day. */
  maxTripsPerWeek: 14,
  minFeeMinor: 1,
  /** 10,000 in the card's currency: well above any sample segment's fee. */
  maxFeeMinor: 1_000_000,
} as const;

export interface PlannerInput {
  card: CardId;
  tripsPerWeek: number;
  /** What one trip usually costs, in minor units of the card's currency. */
  usualFeeMinor: number;
}

export interface TopupPlan {
  currency: Currency;
  /** What a month of these trips costs. */
  monthlySpendMinor: number;
  /** A preset of the card type. */
  suggestedTopupMinor: number;
  /** How many trips one suggested top-up pays for. */
  tripsPerTopup: number;
  /** Top-ups of the suggested amount a month of driving takes (1 unless the month costs more than the largest preset). */
  topupsPerMonth: number;
  checkBalance: CheckCadence;
  /** Suggested low-balance reminder threshold (minor units): about two weeks of trips, at least one fee. */
  reminderThresholdMinor: number;
}

const WEEKS_PER_YEAR = 52;
const MONTHS_PER_YEAR = 12;
/** The reminder leaves this many weeks of driving in the balance. */
const REMINDER_WEEKS = 2;

/** Throws RangeError for input outside PLANNER_LIMITS (a programming error: the form checks first). */
export function planTopups({ card, tripsPerWeek, usualFeeMinor }: PlannerInput): TopupPlan {
  if (
    !Number.isFinite(tripsPerWeek) ||
    tripsPerWeek < PLANNER_LIMITS.minTripsPerWeek ||
    tripsPerWeek > PLANNER_LIMITS.maxTripsPerWeek
  ) {
    throw new RangeError(`trips per week out of range: ${tripsPerWeek}`);
  }
  if (
    !Number.isSafeInteger(usualFeeMinor) ||
    usualFeeMinor < PLANNER_LIMITS.minFeeMinor ||
    usualFeeMinor > PLANNER_LIMITS.maxFeeMinor
  ) {
    throw new RangeError(`usual fee must be a whole number of minor units in range: ${usualFeeMinor}`);
  }
  const rules = TOPUP_RULES[card];
  // The presets a top-up may use, ascending (the rules list them in order; this does not rely on it).
  // filter() makes a copy, so sort() leaves the rules alone; toSorted() is not in every WeChat engine.
  const presets = rules.presetsMinor
    .filter((preset) => preset >= rules.minMinor && preset <= rules.maxMinor)
    .sort((a, b) => a - b);
  const largest = presets.at(-1);
  if (largest === undefined) throw new RangeError(`no usable preset for ${card}`);

  // Multiplication by positive constants and ceil are both monotonic, so more trips never cost less.
  const monthlySpendMinor = Math.ceil((tripsPerWeek * usualFeeMinor * WEEKS_PER_YEAR) / MONTHS_PER_YEAR);
  const suggestedTopupMinor = presets.find((preset) => preset >= monthlySpendMinor) ?? largest;
  return {
    currency: rules.currency,
    monthlySpendMinor,
    suggestedTopupMinor,
    tripsPerTopup: Math.floor(suggestedTopupMinor / usualFeeMinor),
    topupsPerMonth: Math.max(1, Math.ceil(monthlySpendMinor / suggestedTopupMinor)),
    checkBalance: tripsPerWeek >= 1 ? 'weekly' : 'before_each_trip',
    reminderThresholdMinor: Math.max(1, Math.ceil(REMINDER_WEEKS * tripsPerWeek)) * usualFeeMinor,
  };
}
