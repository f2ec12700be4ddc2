import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_IDS } from '../../src/cards/cards';
import {
  CARD_NUMBER_RULES,
  formatCardNumber,
  generateCardNumber,
  maskCardNumber,
  normalizeCardNumber,
  validateCardNumber,
} from '../../src/validation/card-number';

const DIGITS = '0123456789';
const body11 = fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 11, maxLength: 11 });
const cardId = fc.constantFrom(...CARD_IDS);
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
const swapAt = (s: string, i: number) => s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);

describe('card numbers: fixed examples', () => {
  it('has one prefix per card type', () => {
    expect(CARD_NUMBER_RULES.zhonggangtong).toEqual({ prefix: '6288', length: 16 });
    expect(CARD_NUMBER_RULES.yuanyou).toEqual({ prefix: '8852', length: 16 });
  });

  it('builds numbers with the Luhn check digit (checked by hand)', () => {
    expect(generateCardNumber('zhonggangtong', '12345678901')).toBe('6288123456789015');
    expect(generateCardNumber('yuanyou', '12345678901')).toBe('8852123456789017');
    expect(generateCardNumber('zhonggangtong', '00000000000')).toBe('6288000000000000');
    expect(() => generateCardNumber('yuanyou', '1234')).toThrow(RangeError);
    expect(() => generateCardNumber('yuanyou', '1234567890a')).toThrow(RangeError);
  });

  it('reports the first problem, in order', () => {
    expect(validateCardNumber('zhonggangtong', '6288 1234 5678 9015')).toBeNull();
    expect(validateCardNumber('zhonggangtong', '6288-1234-5678-9015')).toBeNull();
    expect(validateCardNumber('yuanyou', '8852123456789017')).toBeNull();
    expect(validateCardNumber('zhonggangtong', '')).toBe('empty');
    expect(validateCardNumber('zhonggangtong', ' - ')).toBe('empty');
    expect(validateCardNumber('zhonggangtong', '62a8')).toBe('not_digits');
    expect(validateCardNumber('zhonggangtong', '6288.1234.5678.9015')).toBe('not_digits');
    expect(validateCardNumber('zhonggangtong', '628812345678901')).toBe('wrong_length');
    expect(validateCardNumber('zhonggangtong', '8852123456789017')).toBe('wrong_prefix');
    expect(validateCardNumber('yuanyou', '6288123456789015')).toBe('wrong_prefix');
    expect(validateCardNumber('zhonggangtong', '6288123456789016')).toBe('check_digit');
  });

  it('masks, formats and normalizes', () => {
    expect(maskCardNumber('6288123456781234')).toBe('6288 **** **** 1234');
    expect(maskCardNumber('12345678')).toBe('**** ****');
    expect(formatCardNumber('6288123456789015')).toBe('6288 1234 5678 9015');
    expect(formatCardNumber('628812')).toBe('6288 12');
    expect(formatCardNumber('')).toBe('');
    expect(normalizeCardNumber(' 6288-1234 5678\t9015 ')).toBe('6288123456789015');
  });

  it('lets 09 ↔ 90 through, as Luhn does', () => {
    const valid = generateCardNumber('zhonggangtong', '09000000000');
    expect(valid).toBe('6288090000000001');
    expect(validateCardNumber('zhonggangtong', swapAt(valid, 4))).toBeNull();
  });
});

describe('card numbers: properties', () => {
  it('generated numbers pass for their own card type only', () => {
    fc.assert(
      fc.property(cardId, body11, (card, body) => {
        const number = generateCardNumber(card, body);
        expect(number).toHaveLength(16);
        expect(validateCardNumber(card, number)).toBeNull();
        const other = card === 'zhonggangtong' ? 'yuanyou' : 'zhonggangtong';
        expect(validateCardNumber(other, number)).toBe('wrong_prefix');
      }),
    );
  });

  it('every single-digit substitution fails, check digit included', () => {
    fc.assert(
      fc.property(cardId, body11, (card, body) => {
        const number = generateCardNumber(card, body);
        for (let i = 0; i < number.length; i += 1) {
          for (const d of DIGITS) {
            if (d === number.charAt(i)) continue;
            expect(validateCardNumber(card, replaceAt(number, i, d))).toBe(i < 4 ? 'wrong_prefix' : 'check_digit');
          }
        }
      }),
    );
  });

  it('every adjacent transposition of different digits fails, except 09 ↔ 90 after the prefix', () => {
    fc.assert(
      fc.property(cardId, body11, (card, body) => {
        const number = generateCardNumber(card, body);
        for (let i = 0; i + 1 < number.length; i += 1) {
          const pair = number.charAt(i) + number.charAt(i + 1);
          if (pair.charAt(0) === pair.charAt(1)) continue;
          const expected = i < 4 ? 'wrong_prefix' : pair === '09' || pair === '90' ? null : 'check_digit';
          expect(validateCardNumber(card, swapAt(number, i))).toBe(expected);
        }
      }),
    );
  });

  it('the mask shows only the prefix and the last four digits', () => {
    fc.assert(
      fc.property(cardId, body11, (card, body) => {
        const number = generateCardNumber(card, body);
        const masked = maskCardNumber(number);
        expect(masked).toBe(`${CARD_NUMBER_RULES[card].prefix} **** **** ${number.slice(-4)}`);
        expect(masked.replace(/[* ]/g, '')).toHaveLength(8);
      }),
    );
  });

  it('formatting round-trips through normalization and groups by four', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const formatted = formatCardNumber(input);
        expect(normalizeCardNumber(formatted)).toBe(normalizeCardNumber(input));
        for (const group of formatted.split(' ')) expect(Array.from(group).length).toBeLessThanOrEqual(4);
      }),
    );
    fc.assert(
      fc.property(cardId, body11, (card, body) => {
        expect(formatCardNumber(generateCardNumber(card, body))).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      }),
    );
  });
});
