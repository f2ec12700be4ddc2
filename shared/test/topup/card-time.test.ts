import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardDay, cardLocalTime, cardMonth, cardMonthOf, topupMonth } from '../../src/topup/rules';

describe('days, months and times in the cards’ home time (UTC+8)', () => {
  it('turns a day into its UTC+8 midnight-to-midnight instants', () => {
    const day = cardDay('2026-12-04');
    expect(day.start.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(cardDay('2026-12-31').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(cardDay('2028-02-29').end.toISOString()).toBe('2028-02-29T16:00:00.000Z');
    expect(cardDay('2027-01-01').start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('turns a month into the same range topupMonth gives, across year ends', () => {
    const december = cardMonth('2026-12');
    expect(december.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(december.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(cardMonth('2027-01').start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(cardMonth('2028-02').end.toISOString()).toBe('2028-02-29T16:00:00.000Z');
  });

  it('refuses what is not a day or a month (callers validate first; this is a programming error)', () => {
    for (const bad of ['2026-12-4', '20261204', '', '2026-12-04T00:00']) expect(() => cardDay(bad)).toThrow(RangeError);
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-12-01']) expect(() => cardMonth(bad)).toThrow(RangeError);
  });

  it('shows an instant as YYYY-MM-DD HH:mm in UTC+8', () => {
    expect(cardLocalTime(new Date('2026-12-03T15:59:59.999Z'))).toBe('2026-12-03 23:59');
    expect(cardLocalTime(new Date('2026-12-03T16:00:00.000Z'))).toBe('2026-12-04 00:00');
    expect(cardMonthOf(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
    expect(cardMonthOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11');
  });

  it('agrees with itself for any instant: the day and month of an instant contain it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (at) => {
        const local = cardLocalTime(at);
        const day = cardDay(local.slice(0, 10));
        expect(day.start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(day.end.getTime());
        const month = cardMonth(cardMonthOf(at));
        expect(month).toEqual(topupMonth(at));
        expect(local.slice(0, 7)).toBe(cardMonthOf(at));
      }),
    );
  });
});
