import { z } from 'zod';
import type { CardId, Currency } from '../cards/cards';
import type { LocalizedText } from '../i18n/languages';
import { MINOR_PER_UNIT } from '../money/money';

/**
 * The top-up rules of each card type, defined once: the server enforces them, the miniapp shows them.
 * The figures are the simulation's own (the operators publish no fixed list), chosen to look like
 * what their official channels offer: whole-unit amounts, a per-card monthly cap, and for 遠遊卡
 * time-limited bonus promotions.
 */

export const PAYMENT_METHODS = ['wechatpay', 'alipay', 'unionpay', 'credit_card'] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** Bonus value for top-ups of at least `minAmountMinor`; the highest tier reached applies. */
export interface PromotionTier {
  minAmountMinor: number;
  bonusMinor: number;
}

export interface Promotion {
  id: string;
  name: LocalizedText;
  tiers: readonly PromotionTier[];
  /** ISO 8601 with offset; the promotion runs from `startsAt` (inclusive) to `endsAt` (exclusive). */
  startsAt: string;
  endsAt: string;
}

export interface TopupRules {
  currency: Currency;
  presetsMinor: readonly number[];
  minMinor: number;
  maxMinor: number;
  /** Sum of one calendar month's top-ups (in UTC+8, the cards' home time), unpaid orders included. */
  monthlyCapMinor: number;
  methods: readonly PaymentMethod[];
  promotions: readonly Promotion[];
}

const units = (n: number) => n * MINOR_PER_UNIT;

export const TOPUP_RULES: Record<CardId, TopupRules> = {
  zhonggangtong: {
    currency: 'CNY',
    presetsMinor: [100, 200, 300, 500, 1000, 2000].map(units),
    minMinor: units(50),
    maxMinor: units(5000),
    monthlyCapMinor: units(10_000),
    methods: ['wechatpay', 'alipay'],
    promotions: [],
  },
  yuanyou: {
    currency: 'HKD',
    presetsMinor: [100, 200, 500, 1000, 2000, 3000].map(units),
    minMinor: units(100),
    maxMinor: units(5000),
    monthlyCapMinor: units(20_000),
    methods: ['unionpay', 'credit_card'],
    promotions: [
      {
        id: 'yuanyou-2026-summer',
        name: { 'zh-Hans': '暑期充值礼', 'zh-Hant': '暑期增值禮', en: 'Summer top-up bonus' },
        tiers: [{ minAmountMinor: units(1000), bonusMinor: units(30) }],
        startsAt: '2026-07-01T00:00:00+08:00',
        endsAt: '2026-09-01T00:00:00+08:00',
      },
      {
        id: 'yuanyou-2026-winter',
        name: { 'zh-Hans': '冬季充值赠礼', 'zh-Hant': '冬季增值贈禮', en: 'Winter top-up bonus' },
        tiers: [
          { minAmountMinor: units(500), bonusMinor: units(20) },
          { minAmountMinor: units(1000), bonusMinor: units(50) },
          { minAmountMinor: units(2000), bonusMinor: units(120) },
        ],
        startsAt: '2026-11-15T00:00:00+08:00',
        endsAt: '2027-03-01T00:00:00+08:00',
      },
      {
        id: 'yuanyou-2027-spring',
        name: { 'zh-Hans': '春季出行礼', 'zh-Hant': '春季出行禮', en: 'Spring travel bonus' },
        tiers: [{ minAmountMinor: units(1000), bonusMinor: units(40) }],
        startsAt: '2027-03-01T00:00:00+08:00',
        endsAt: '2027-06-01T00:00:00+08:00',
      },
    ],
  },
};

export function acceptsMethod(card: CardId, method: PaymentMethod): boolean {
  return TOPUP_RULES[card].methods.includes(method);
}

export function isPromotionRunning(promotion: Promotion, at: Date): boolean {
  const t = at.getTime();
  return Date.parse(promotion.startsAt) <= t && t < Date.parse(promotion.endsAt);
}

/** The promotion running at `at` for a card type, if any (promotions of one card never overlap). */
export function activePromotion(card: CardId, at: Date): Promotion | undefined {
  return TOPUP_RULES[card].promotions.find((promotion) => isPromotionRunning(promotion, at));
}

export function findPromotion(card: CardId, id: string): Promotion | undefined {
  return TOPUP_RULES[card].promotions.find((promotion) => promotion.id === id);
}

/** Bonus of a promotion for an amount: the highest tier reached, else 0. */
export function promotionBonus(promotion: Promotion | undefined, amountMinor: number): number {
  let bonus = 0;
  for (const tier of promotion?.tiers ?? []) {
    if (amountMinor >= tier.minAmountMinor && tier.bonusMinor > bonus) bonus = tier.bonusMinor;
  }
  return bonus;
}

/** Why an amount is refused, before the monthly cap (which needs the card's history) is checked. */
export type AmountProblem = 'not_whole_unit' | 'too_low' | 'too_high';

export function checkTopupAmount(card: CardId, amountMinor: number): AmountProblem | undefined {
  const rules = TOPUP_RULES[card];
  if (!Number.isSafeInteger(amountMinor) || amountMinor % MINOR_PER_UNIT !== 0) return 'not_whole_unit';
  if (amountMinor < rules.minMinor) return 'too_low';
  if (amountMinor > rules.maxMinor) return 'too_high';
  return undefined;
}

/** Both cards keep their accounts in UTC+8 (China Standard Time / Hong Kong Time, no daylight saving). */
const CARD_HOME_OFFSET_MS = 8 * 3_600_000;

/** The calendar month (UTC+8) that contains `at`, as UTC instants: [start, end). */
export function topupMonth(at: Date): { start: Date; end: Date } {
  const local = new Date(at.getTime() + CARD_HOME_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return {
    start: new Date(Date.UTC(year, month, 1) - CARD_HOME_OFFSET_MS),
    end: new Date(Date.UTC(year, month + 1, 1) - CARD_HOME_OFFSET_MS),
  };
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/**
 * A calendar day in UTC+8 (`YYYY-MM-DD`, as history filters name it) as UTC instants: [start, end).
 * The input must already be a valid date (the contracts check it); a malformed one is a programming error.
 */
export function cardDay(day: string): { start: Date; end: Date } {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return {
    start: new Date(Date.UTC(year, month, date) - CARD_HOME_OFFSET_MS),
    end: new Date(Date.UTC(year, month, date + 1) - CARD_HOME_OFFSET_MS),
  };
}

/** A calendar month in UTC+8 (`YYYY-MM`, as statements name it) as UTC instants: [start, end). */
export function cardMonth(month: string): { start: Date; end: Date } {
  const match = MONTH_PATTERN.exec(month);
  const index = Number(match?.[2]) - 1;
  if (!match || index < 0 || index > 11) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return topupMonth(new Date(Date.UTC(Number(match[1]), index, 1) - CARD_HOME_OFFSET_MS));
}

/** `YYYY-MM` of the UTC+8 month that contains `at`. */
export function cardMonthOf(at: Date): string {
  return new Date(at.getTime() + CARD_HOME_OFFSET_MS).toISOString().slice(0, 7);
}

/** `YYYY-MM-DD` of the UTC+8 day that contains `at`. */
export function cardDayOf(at: Date): string {
  return new Date(at.getTime() + CARD_HOME_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in UTC+8: how receipts, statements and exports show a time, whatever the reader's zone. */
export function cardLocalTime(at: Date): string {
  const local = new Date(at.getTime() + CARD_HOME_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export const PAYMENT_METHOD_NAMES: Record<PaymentMethod, LocalizedText> = {
  wechatpay: { 'zh-Hans': '微信支付', 'zh-Hant': '微信支付', en: 'WeChat Pay' },
  alipay: { 'zh-Hans': '支付宝', 'zh-Hant': '支付寶', en: 'Alipay' },
  unionpay: { 'zh-Hans': '银联卡', 'zh-Hant': '銀聯卡', en: 'UnionPay card' },
  credit_card: { 'zh-Hans': '信用卡', 'zh-Hant': '信用卡', en: 'Credit card' },
};

/** The merchant the simulated cashiers name: never a real operator, always marked as a simulation. */
export const SIMULATED_MERCHANT_NAME: LocalizedText = {
  'zh-Hans': '跨境卡续费助手（模拟商户）',
  'zh-Hant': '跨境卡續費助手（模擬商戶）',
  en: 'Top-up Helper (simulated merchant)',
};
