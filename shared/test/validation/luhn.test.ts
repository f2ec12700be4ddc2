import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidLuhn, luhnCheckDigit } from '../../src/validation/luhn';

const DIGITS = '0123456789';
const digitString = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...DIGITS), minLength, maxLength });
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
const swapAt = (s: string, i: number) => s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);

describe('Luhn', () => {
  it('matches the published examples', () => {
    // ISO/IEC 7812-1 Annex B worked example, also used by https://en.wikipedia.org/wiki/Luhn_algorithm.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(isValidLuhn('79927398713')).toBe(true);
    expect(isValidLuhn('79927398710')).toBe(false);
    expect(isValidLuhn('4111111111111111')).toBe(true);
    expect(luhnCheckDigit('0')).toBe(0);
  });

  it('refuses what is not a digit string', () => {
    expect(isValidLuhn('')).toBe(false);
    expect(isValidLuhn('0')).toBe(false);
    expect(isValidLuhn('7992 7398 713')).toBe(false);
    expect(isValidLuhn('７９９２７３９８７１３')).toBe(false);
    expect(() => luhnCheckDigit('')).toThrow(RangeError);
    expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
  });

  it('accepts every number it completes', () => {
    fc.assert(
      fc.property(digitString(1, 30), (body) => {
        expect(isValidLuhn(body + String(luhnCheckDigit(body)))).toBe(true);
      }),
    );
  });

  it('catches every single-digit substitution, check digit included', () => {
    fc.assert(
      fc.property(digitString(1, 30), (body) => {
        const valid = body + String(luhnCheckDigit(body));
        for (let i = 0; i < valid.length; i += 1) {
          for (const d of DIGITS) if (d !== valid.charAt(i)) expect(isValidLuhn(replaceAt(valid, i, d))).toBe(false);
        }
      }),
    );
  });

  it('catches every adjacent transposition except 09 ↔ 90', () => {
    fc.assert(
      fc.property(digitString(1, 30), (body) => {
        const valid = body + String(luhnCheckDigit(body));
        for (let i = 0; i + 1 < valid.length; i += 1) {
          const pair = valid.charAt(i) + valid.charAt(i + 1);
          if (pair.charAt(0) === pair.charAt(1)) continue;
          // 0 and 9 both contribute 9 whether doubled or not (9 × 2 = 18 → 1 + 8), so the swap is invisible.
          expect(isValidLuhn(swapAt(valid, i))).toBe(pair === '09' || pair === '90');
        }
      }),
    );
  });
});
