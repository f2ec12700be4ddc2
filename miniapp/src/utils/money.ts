import { CURRENCY_SYMBOLS, type Money } from '@cbc/shared';

/**
 * `¥1,234.50` / `HK$0.00` from integer minor units (fen, cents): both currencies have two decimals,
 * and the arithmetic stays in integers so no float rounding can show.
 */
export function formatMoney({ amountMinor, currency }: Money): string {
  const sign = amountMinor < 0 ? '-' : '';
  const minor = Math.abs(amountMinor);
  const whole = String(Math.floor(minor / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(minor % 100).padStart(2, '0');
  return `${sign}${CURRENCY_SYMBOLS[currency]}${whole}.${cents}`;
}
