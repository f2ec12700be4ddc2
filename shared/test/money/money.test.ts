import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, decimalToMinor, formatMoney, formatMoneyShort, minorToDecimal, money } from '../../src/money/money';

describe('money', () => {
  it('formats minor units with symbol, thousands and two decimals', () => {
    expect(formatMoney(money(123450, 'CNY'))).toBe('¥1,234.50');
    expect(formatMoney(money(0, 'HKD'))).toBe('HK$0.00');
    expect(formatMoney(money(5, 'CNY'))).toBe('¥0.05');
    expect(formatMoney(money(-2000, 'HKD'))).toBe('-HK$20.00');
    expect(formatMoney(money(100_000_000_00, 'CNY'))).toBe('¥100,000,000.00');
  });

  it('drops the cents of whole amounts on preset buttons only', () => {
    expect(formatMoneyShort(money(20000, 'CNY'))).toBe('¥200');
    expect(formatMoneyShort(money(300000, 'HKD'))).toBe('HK$3,000');
    expect(formatMoneyShort(money(20050, 'CNY'))).toBe('¥200.50');
  });

  it('reads what a person types without float arithmetic', () => {
    expect(decimalToMinor('200')).toBe(20000);
    expect(decimalToMinor(' 200.5 ')).toBe(20050);
    expect(decimalToMinor('0.1')).toBe(10);
    expect(decimalToMinor('19.99')).toBe(1999);
    for (const bad of ['', '-5', '1.234', '1e3', 'abc', '1,000', '.5', '12.'])
      expect(decimalToMinor(bad)).toBeUndefined();
  });

  it('round-trips every amount through its decimal string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (minor) => {
        expect(decimalToMinor(minorToDecimal(minor))).toBe(minor);
      }),
    );
  });

  it('refuses floats and mixed currencies', () => {
    expect(() => money(1.5, 'CNY')).toThrow(RangeError);
    expect(() => addMoney(money(1, 'CNY'), money(1, 'HKD'))).toThrow(TypeError);
    expect(addMoney(money(150, 'HKD'), money(50, 'HKD'))).toEqual(money(200, 'HKD'));
  });
});
