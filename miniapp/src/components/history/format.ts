import { formatMoney, translate, type Language, type Money } from '@cbc/shared';
import { formatDateTime } from '../../i18n/format-time';

export { monthOf, shiftMonth, todayInHomeZone } from './months';

/** `2026-12` → 2026年12月 / Dec 2026. */
export function formatMonth(lang: Language, month: string): string {
  const [year = '', index = ''] = month.split('-');
  const name = translate(lang, 'format.months').split(',')[Number(index) - 1] ?? index;
  return translate(lang, 'statement.month', { year, month: name });
}

/** Signed money for lists: +¥200.00 in, −¥65.00 out (a true minus sign, not a hyphen). */
export function signedMoney(value: Money): string {
  if (value.amountMinor > 0) return `+${formatMoney(value)}`;
  if (value.amountMinor < 0) return `\u2212${formatMoney({ ...value, amountMinor: -value.amountMinor })}`;
  return formatMoney(value);
}

/**
 * An ISO time as the cards' books show it, in UTC+8 (11月25日 14:03 / 25 Nov, 14:03), whatever the
 * device's zone: the months the history groups by are UTC+8 months, and the server's receipts and
 * CSV use UTC+8 too, so an entry's time never disagrees with its month or its SMS.
 */
export function formatHomeDateTime(lang: Language, iso: string): string {
  return formatDateTime(lang, Date.parse(iso));
}
