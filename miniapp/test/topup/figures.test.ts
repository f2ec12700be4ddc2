import { decimalToMinor, money, translate, type TopupOptions, type UiKey } from '@cbc/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bonusFor, checkAmountMinor, checkAmountText, lastDayOf } from '../../src/packages/topup/components/figures';
import { topupOptions } from '../support/fixtures';

const t = (key: UiKey, params?: Record<string, string | number>) => translate('en', key, params);
const cny = (amountMinor: number) => money(amountMinor, 'CNY');

describe('checkAmountText', () => {
  const options = topupOptions({ monthlyRemaining: cny(300_000) });

  it('accepts whole yuan within the card’s limits and what is left of the month', () => {
    expect(checkAmountText('200', options, t)).toEqual({ amountMinor: 20_000, problem: null });
    expect(checkAmountText(' 50 ', options, t)).toEqual({ amountMinor: 5_000, problem: null });
    expect(checkAmountText('3000.00', options, t)).toEqual({ amountMinor: 300_000, problem: null });
  });

  it('names each problem, with the figure the user needs', () => {
    expect(checkAmountText('abc', options, t)).toEqual({ amountMinor: null, problem: t('topup.amountInvalid') });
    expect(checkAmountText('', options, t).problem).toBe(t('topup.amountInvalid'));
    expect(checkAmountText('-5', options, t).problem).toBe(t('topup.amountInvalid'));
    expect(checkAmountText('200.5', options, t).problem).toBe(t('topup.amountNotWhole'));
    expect(checkAmountText('49', options, t).problem).toBe(t('topup.amountTooLow', { min: '¥50' }));
    expect(checkAmountText('5001', options, t).problem).toBe(t('topup.amountTooHigh', { max: '¥5,000' }));
    expect(checkAmountText('3001', options, t).problem).toBe(t('topup.amountOverCap', { remaining: '¥3,000.00' }));
  });

  it('accepts an amount exactly when it is whole, within the limits and the month’s remainder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (minor, remaining) => {
          const opts = topupOptions({ monthlyRemaining: cny(remaining) });
          const result = checkAmountMinor(minor, opts, t);
          const fine =
            minor % 100 === 0 && minor >= opts.min.amountMinor && minor <= opts.max.amountMinor && minor <= remaining;
          expect(result.problem === null).toBe(fine);
          expect(result.amountMinor).toBe(fine ? minor : null);
        },
      ),
    );
  });

  it('reads typed text as the shared parser does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer({ min: 0, max: 10_000 }).map(String), fc.float().map(String)),
        (text) => {
          const minor = decimalToMinor(text);
          const result = checkAmountText(text, options, t);
          if (minor === undefined) expect(result.problem).toBe(t('topup.amountInvalid'));
          else expect(result).toEqual(checkAmountMinor(minor, options, t));
        },
      ),
    );
  });
});

describe('bonusFor', () => {
  const promotion: TopupOptions['promotion'] = {
    id: 'winter',
    name: 'Winter bonus',
    tiers: [
      { minAmount: cny(50_000), bonus: cny(2_000) },
      { minAmount: cny(100_000), bonus: cny(5_000) },
      { minAmount: cny(200_000), bonus: cny(12_000) },
    ],
    startsAt: '2026-12-01T00:00:00+08:00',
    endsAt: '2027-01-01T00:00:00+08:00',
  };

  it('takes a preset’s own figure, else the highest promotion tier reached', () => {
    const options = topupOptions({ promotion });
    expect(bonusFor(options, 100_000)).toEqual(cny(3_000));
    expect(bonusFor(options, 49_900)).toEqual(cny(0));
    expect(bonusFor(options, 50_000)).toEqual(cny(2_000));
    expect(bonusFor(options, 150_000)).toEqual(cny(5_000));
    expect(bonusFor(options, 500_000)).toEqual(cny(12_000));
    expect(bonusFor(topupOptions(), 70_000)).toEqual(cny(0));
  });

  it('never falls as the amount grows, and is one of the tiers’ figures', () => {
    const options = topupOptions({ promotion, presets: [] });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 500_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(bonusFor(options, low).amountMinor).toBeLessThanOrEqual(bonusFor(options, high).amountMinor);
        expect([0, 2_000, 5_000, 12_000]).toContain(bonusFor(options, a).amountMinor);
        expect(bonusFor(options, a).currency).toBe('CNY');
      }),
    );
  });
});

describe('lastDayOf', () => {
  it('is the UTC+8 day before a promotion’s exclusive end', () => {
    expect(lastDayOf('2027-03-01T00:00:00+08:00')).toBe('2027-02-28');
    expect(lastDayOf('2028-03-01T00:00:00+08:00')).toBe('2028-02-29');
    expect(lastDayOf('2026-12-31T16:00:00Z')).toBe('2026-12-31');
    expect(lastDayOf('2027-01-01T12:00:00+08:00')).toBe('2027-01-01');
  });

  it('for an end at midnight in UTC+8, is always the calendar day before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (days) => {
        const end = new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
        const before = new Date(Date.UTC(2000, 0, 1) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
        expect(lastDayOf(`${end}T00:00:00+08:00`)).toBe(before);
      }),
    );
  });
});
