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

/** Epoch milliseconds → 11月25日 14:03 / 25 Nov, 14:03, in the device's time zone. */
export function formatDateTime(lang: Language, epochMs: number): string {
  const date = new Date(epochMs);
  return translate(lang, 'format.dateTime', {
    month: monthName(lang, date.getMonth() + 1),
    day: date.getDate(),
    hour: pad2(date.getHours()),
    minute: pad2(date.getMinutes()),
  });
}

/** A short inline list: 身份证、车牌号 / ID card, plate. */
export function joinList(lang: Language, items: readonly string[]): string {
  return items.join(translate(lang, 'format.listSeparator'));
}
