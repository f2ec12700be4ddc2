import {
  cardDayOf,
  cardLocalTime,
  cardMonthOf,
  formatMoney,
  LANGUAGES,
  money,
  translate,
  type Language,
} from '@cbc/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatHomeDateTime,
  formatMonth,
  monthOf,
  shiftMonth,
  signedMoney,
  todayInHomeZone,
} from '../../src/components/history/format';
import { asSentence, formatDate, formatDateTime, joinList, thenSentence } from '../../src/i18n/format-time';

const months = (lang: Language) => translate(lang, 'format.months').split(',');

/** Reads back what a formatter wrote, from the catalog's own month names. */
function monthNumber(lang: Language, name: string): number {
  return months(lang).indexOf(name) + 1;
}

// Instants the cards can have seen: 2000 to 2099, to the millisecond.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) });
const lang = fc.constantFrom(...LANGUAGES);
const pad2 = (n: number) => String(n).padStart(2, '0');

describe('formatDate', () => {
  it('writes a calendar date in each language', () => {
    expect(formatDate('zh-Hans', '2025-11-20')).toBe('2025年11月20日');
    expect(formatDate('zh-Hant', '2025-01-05')).toBe('2025年1月5日');
    expect(formatDate('en', '2025-11-20')).toBe('20 Nov 2025');
  });

  it('round-trips every date of the calendar in English', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2199, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString().slice(0, 10);
        const match = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(formatDate('en', iso));
        expect(match).not.toBeNull();
        const [, day = '', name = '', year = ''] = match ?? [];
        expect(`${year}-${pad2(monthNumber('en', name))}-${pad2(Number(day))}`).toBe(iso);
      }),
    );
  });

  it('leaves anything that is not a YYYY-MM-DD date as it is', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
        lang,
        (text, l) => {
          expect(formatDate(l, text)).toBe(text);
        },
      ),
    );
    expect(formatDate('en', '2025-11-20T10:00:00Z')).toBe('2025-11-20T10:00:00Z');
  });
});

describe("formatDateTime (the cards' home time, UTC+8)", () => {
  it('shows UTC+8 wall-clock time whatever the device zone, zero-padded', () => {
    const at = Date.UTC(2026, 10, 25, 6, 3);
    expect(formatDateTime('zh-Hans', at)).toBe('11月25日 14:03');
    expect(formatDateTime('en', at)).toBe('25 Nov, 14:03');
    // 23:09 UTC is already the next day in UTC+8.
    expect(formatDateTime('en', Date.UTC(2026, 0, 1, 23, 9))).toBe('2 Jan, 07:09');
  });

  it('reads back as the UTC+8 month, day, hour and minute it was given', () => {
    const parts = fc.record({
      year: fc.integer({ min: 2000, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(parts, ({ year, month, day, hour, minute }) => {
        // UTC+8 has no daylight saving: every wall-clock time exists exactly once.
        const at = Date.UTC(year, month - 1, day, hour, minute) - 8 * 3_600_000;
        const match = /^(\d+)月(\d+)日 (\d{2}):(\d{2})$/.exec(formatDateTime('zh-Hans', at));
        expect(match?.slice(1).map(Number)).toEqual([month, day, hour, minute]);
      }),
    );
  });
});

describe('joinList', () => {
  it('joins with each language’s separator', () => {
    expect(joinList('zh-Hans', ['身份证', '车牌号'])).toBe('身份证、车牌号');
    expect(joinList('en', ['ID card', 'plate'])).toBe('ID card, plate');
    expect(joinList('en', [])).toBe('');
  });
});

describe('asSentence', () => {
  it('ends a message with its language’s full stop, once', () => {
    expect(asSentence('zh-Hans', '余额不足，请先充值')).toBe('余额不足，请先充值。');
    expect(asSentence('zh-Hant', '餘額不足')).toBe('餘額不足。');
    expect(asSentence('en', 'Not enough balance ')).toBe('Not enough balance.');
    expect(asSentence('en', 'Done.')).toBe('Done.');
    expect(asSentence('zh-Hans', '完成！')).toBe('完成！');
  });
});

describe('thenSentence', () => {
  it('runs a message into the sentence after it, spaced in English only', () => {
    expect(thenSentence('zh-Hans', '找不到这张卡片', '它可能已经解绑。')).toBe('找不到这张卡片。它可能已经解绑。');
    expect(thenSentence('zh-Hant', '找不到這張卡', '它可能已經解綁。')).toBe('找不到這張卡。它可能已經解綁。');
    expect(thenSentence('en', 'This card was not found', 'It may have been unbound.')).toBe(
      'This card was not found. It may have been unbound.',
    );
  });
});

describe('history: UTC+8 months and days', () => {
  it('puts an instant in the month and day it has in UTC+8', () => {
    // 23:30 on 30 Nov in Beijing is still November; 00:30 on 1 Dec is December, though UTC says 30 Nov.
    expect(monthOf('2026-11-30T23:30:00+08:00')).toBe('2026-11');
    expect(monthOf('2026-11-30T16:30:00Z')).toBe('2026-12');
    expect(todayInHomeZone(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(todayInHomeZone(Date.parse('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
  });

  it('agrees with the server’s books (shared cardMonthOf, cardDayOf, cardLocalTime) for every instant', () => {
    fc.assert(
      fc.property(instant, lang, (ms, l) => {
        const iso = new Date(ms).toISOString();
        expect(monthOf(iso)).toBe(cardMonthOf(new Date(ms)));
        expect(todayInHomeZone(ms)).toBe(cardDayOf(new Date(ms)));
        // The time shown in a list is the receipt's time, and falls in the month the list groups it under.
        const [day = '', time = ''] = cardLocalTime(new Date(ms)).split(' ');
        const [, month = '', dayOfMonth = ''] = day.split('-');
        const shown = formatHomeDateTime(l, iso);
        const expected = translate(l, 'format.dateTime', {
          month: months(l)[Number(month) - 1] ?? '',
          day: Number(dayOfMonth),
          hour: time.slice(0, 2),
          minute: time.slice(3, 5),
        });
        expect(shown).toBe(expected);
        expect(monthOf(iso).slice(5)).toBe(month);
      }),
    );
  });

  it('reads an ISO time with any offset as the same instant', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -12, max: 14 }), (ms, offsetHours) => {
        const shifted = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 19);
        const sign = offsetHours < 0 ? '-' : '+';
        const withOffset = `${shifted}${sign}${pad2(Math.abs(offsetHours))}:00`;
        const utc = new Date(Math.floor(ms / 1000) * 1000).toISOString();
        expect(monthOf(withOffset)).toBe(monthOf(utc));
        expect(formatHomeDateTime('en', withOffset)).toBe(formatHomeDateTime('en', utc));
      }),
    );
  });
});

describe('shiftMonth', () => {
  const month = fc
    .record({ year: fc.integer({ min: 1970, max: 9000 }), index: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, index }) => `${year}-${pad2(index)}`);
  const delta = fc.integer({ min: -600, max: 600 });

  it('crosses year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
    expect(shiftMonth('2026-03', 0)).toBe('2026-03');
  });

  it('adds up: shifting by a then b is shifting by a + b, and back again is where it started', () => {
    fc.assert(
      fc.property(month, delta, delta, (m, a, b) => {
        expect(shiftMonth(shiftMonth(m, a), b)).toBe(shiftMonth(m, a + b));
        expect(shiftMonth(shiftMonth(m, a), -a)).toBe(m);
      }),
    );
  });

  it('moves by whole years every 12 months and stays a YYYY-MM month', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -50, max: 50 }), (m, years) => {
        const shifted = shiftMonth(m, years * 12);
        expect(shifted).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        expect(shifted.slice(5)).toBe(m.slice(5));
        expect(Number(shifted.slice(0, 4))).toBe(Number(m.slice(0, 4)) + years);
      }),
    );
  });

  it('counts the months between: one step at a time never skips or repeats one', () => {
    fc.assert(
      fc.property(month, (m) => {
        const next = shiftMonth(m, 1);
        const [y, i] = m.split('-').map(Number) as [number, number];
        expect(next).toBe(i === 12 ? `${y + 1}-01` : `${y}-${pad2(i + 1)}`);
      }),
    );
  });
});

describe('formatMonth', () => {
  it('names a month in each language', () => {
    expect(formatMonth('zh-Hans', '2026-12')).toBe('2026年12月');
    expect(formatMonth('zh-Hant', '2026-01')).toBe('2026年1月');
    expect(formatMonth('en', '2026-12')).toBe('Dec 2026');
  });

  it('reads back as the month it names (English)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, index) => {
        const [name = '', y = ''] = formatMonth('en', `${year}-${pad2(index)}`).split(' ');
        expect([Number(y), monthNumber('en', name)]).toEqual([year, index]);
      }),
    );
  });
});

describe('signedMoney', () => {
  it('marks money in with + and out with a true minus sign', () => {
    expect(signedMoney(money(20_000, 'CNY'))).toBe('+¥200.00');
    expect(signedMoney(money(-6_500, 'CNY'))).toBe('\u2212¥65.00');
    expect(signedMoney(money(0, 'HKD'))).toBe(formatMoney(money(0, 'HKD')));
  });

  it('is the shared formatter’s amount with a sign that matches the amount, never a hyphen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('CNY' as const, 'HKD' as const),
        (minor, currency) => {
          const text = signedMoney(money(minor, currency));
          const sign = minor > 0 ? '+' : minor < 0 ? '\u2212' : '';
          expect(text).toBe(`${sign}${formatMoney(money(Math.abs(minor), currency))}`);
          expect(text).not.toContain('-');
        },
      ),
    );
  });
});
