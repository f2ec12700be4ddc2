import {
  checkTopupAmount,
  decimalToMinor,
  formatMoney,
  formatMoneyShort,
  money,
  type Money,
  type TopupOptions,
  type UiKey,
} from '@cbc/shared';

type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

/**
 * The bonus an amount would earn now: a preset's own figure, else the running promotion's highest
 * tier reached. Shown before ordering only; the order placed carries the server's own figures.
 */
export function bonusFor(options: TopupOptions, amountMinor: number): Money {
  const preset = options.presets.find((entry) => entry.amount.amountMinor === amountMinor);
  if (preset) return preset.bonus;
  let bonus = 0;
  for (const tier of options.promotion?.tiers ?? []) {
    if (amountMinor >= tier.minAmount.amountMinor && tier.bonus.amountMinor > bonus) bonus = tier.bonus.amountMinor;
  }
  return money(bonus, options.balance.currency);
}

export type AmountCheck = { amountMinor: number; problem: null } | { amountMinor: null; problem: string };

/**
 * What the custom amount field holds, checked as the user types with the same rules the server
 * applies (`decimalToMinor`, `checkTopupAmount`), plus what is left of the monthly cap.
 */
export function checkAmountText(text: string, options: TopupOptions, t: Translate): AmountCheck {
  const amountMinor = decimalToMinor(text);
  if (amountMinor === undefined) return { amountMinor: null, problem: t('topup.amountInvalid') };
  return checkAmountMinor(amountMinor, options, t);
}

export function checkAmountMinor(amountMinor: number, options: TopupOptions, t: Translate): AmountCheck {
  const problem = checkTopupAmount(options.cardType, amountMinor);
  if (problem === 'not_whole_unit') return { amountMinor: null, problem: t('topup.amountNotWhole') };
  // The limits are whole units, written as the hint under the field writes them.
  if (problem === 'too_low')
    return { amountMinor: null, problem: t('topup.amountTooLow', { min: formatMoneyShort(options.min) }) };
  if (problem === 'too_high')
    return { amountMinor: null, problem: t('topup.amountTooHigh', { max: formatMoneyShort(options.max) }) };
  if (amountMinor > options.monthlyRemaining.amountMinor) {
    return {
      amountMinor: null,
      problem: t('topup.amountOverCap', { remaining: formatMoney(options.monthlyRemaining) }),
    };
  }
  return { amountMinor, problem: null };
}

/** UTC+8, the cards' home time: a promotion's last day is the day before its (exclusive) end there. */
const CARD_HOME_OFFSET_MS = 8 * 3_600_000;

/** `2027-02-28` for a promotion ending `2027-03-01T00:00:00+08:00`. */
export function lastDayOf(endsAt: string): string {
  return new Date(Date.parse(endsAt) - 1 + CARD_HOME_OFFSET_MS).toISOString().slice(0, 10);
}
