import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN, validatePassword } from '../../src/validation/password';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const from = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength, maxLength });

describe('password', () => {
  it('fixed examples', () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 64]);
    expect(validatePassword('abc12345')).toBeNull();
    expect(validatePassword('abc 1234')).toBeNull();
    expect(validatePassword('密码安全好记12')).toBeNull(); // a Han character counts as a letter
    expect(validatePassword('')).toBe('too_short');
    expect(validatePassword('abc1234')).toBe('too_short');
    expect(validatePassword('abcdefgh')).toBe('too_weak');
    expect(validatePassword('12345678')).toBe('too_weak');
    expect(validatePassword('        ')).toBe('too_weak');
    expect(validatePassword('abcdefg１')).toBe('too_weak'); // full-width digit is not an ASCII digit
    expect(validatePassword(`a1${'x'.repeat(62)}`)).toBeNull();
    expect(validatePassword(`a1${'x'.repeat(63)}`)).toBe('too_long');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validatePassword(`a1${'😀'.repeat(62)}`)).toBeNull(); // 126 UTF-16 units, 64 characters
    expect(validatePassword('a1😀😀😀')).toBe('too_short');
  });

  it('accepts any letter-and-digit mix of allowed length', () => {
    fc.assert(
      fc.property(
        from(LETTERS, 1, 30),
        from(DIGITS, 1, 30),
        from(`${LETTERS}${DIGITS} !@#`, 0, 4),
        (letters, digits, extra) => {
          const pw = letters + digits + extra;
          fc.pre(pw.length >= PASSWORD_MIN);
          expect(validatePassword(pw)).toBeNull();
        },
      ),
    );
  });

  it('refuses by length first, then by composition', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: PASSWORD_MIN - 1 }), (pw) => {
        expect(validatePassword(pw)).toBe('too_short');
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: PASSWORD_MAX + 1, maxLength: 100 }), (pw) => {
        expect(validatePassword(pw)).toBe('too_long');
      }),
    );
    fc.assert(
      fc.property(fc.oneof(from(LETTERS, 8, 64), from(`${DIGITS} .-`, 8, 64)), (pw) => {
        expect(validatePassword(pw)).toBe('too_weak');
      }),
    );
  });
});
