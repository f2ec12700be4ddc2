/**
 * Luhn (mod 10) check digit, as specified in ISO/IEC 7812-1 Annex B
 * (https://www.iso.org/standard/70484.html; summary: https://en.wikipedia.org/wiki/Luhn_algorithm).
 * It catches every single-digit substitution and every adjacent transposition except 09 ↔ 90,
 * which is why the simulated card numbers use it: a typo is reported before any request is sent.
 */

const DIGITS = /^\d+$/;

/** Sum of the Luhn weights; `doubleFirst` says whether the rightmost digit given is doubled. */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum;
}

/** The digit to append to `digitsWithoutCheck` so that the whole string passes the Luhn check. */
export function luhnCheckDigit(digitsWithoutCheck: string): number {
  if (!DIGITS.test(digitsWithoutCheck)) {
    throw new RangeError('luhnCheckDigit expects one or more ASCII digits');
  }
  // Once the check digit is appended, the current rightmost digit sits in a doubled position.
  return (10 - (luhnSum(digitsWithoutCheck, true) % 10)) % 10;
}

/** True when `digits` (ASCII digits only, at least two) ends in a correct Luhn check digit. */
export function isValidLuhn(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}
