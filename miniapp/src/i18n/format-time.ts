import { translate, type Language } from '@cbc/shared';

// Formatting by hand from catalog patterns: WeChat's JS engine on some Android devices ships without
// full Intl data, and the patterns keep every user-facing word in the shared catalog.

function monthName(lang: Language, month: number): string {
  return translate(lang, 'format.months').split(',')[month - 1] ?? String(month);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2025-11-20` → 2025年11月20日 / 20 Nov 2025. Calendar dates are not shifted by time zone. */
export function formatDate(lang: Language, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year = '', month = '', day = ''] = match;
  return translate(lang, 'format.date', { year, month: monthName(lang, Number(month)), day: Number(day) });
}

/** The cards' home time (UTC+8, no daylight saving): their books, receipts, SMS and CSV all use it. */
const HOME_OFFSET_MS = 8 * 3_600_000;

/**
 * Epoch milliseconds → 11月25日 14:03 / 25 Nov, 14:03, in UTC+8 whatever the device's zone: an order,
 * its receipt, its SMS and its history entry must never show one event at two times (a traveller's
 * phone set to another zone showed 00:05 on the order and 08:05 in the history).
 */
export function formatDateTime(lang: Language, epochMs: number): string {
  const home = new Date(epochMs + HOME_OFFSET_MS);
  return translate(lang, 'format.dateTime', {
    month: monthName(lang, home.getUTCMonth() + 1),
    day: home.getUTCDate(),
    hour: pad2(home.getUTCHours()),
    minute: pad2(home.getUTCMinutes()),
  });
}

/**
 * A message as a sentence, for a paragraph where another sentence follows: error messages end without a
 * full stop (they also stand alone in toasts and under fields), and two of them ran together.
 */
export function asSentence(lang: Language, text: string): string {
  return /[。．.!?！？]$/.test(text.trimEnd()) ? text : `${text.trimEnd()}${translate(lang, 'format.sentenceEnd')}`;
}

/** A message and the sentence after it, as one paragraph: a space between them in English only. */
export function thenSentence(lang: Language, message: string, next: string): string {
  return `${asSentence(lang, message)}${lang === 'en' ? ' ' : ''}${next}`;
}

/** A short inline list: 身份证、车牌号 / ID card, plate. */
export function joinList(lang: Language, items: readonly string[]): string {
  return items.join(translate(lang, 'format.listSeparator'));
}
