/**
 * Account password rule. Lengths follow NIST SP 800-63B §5.1.1.2
 * (https://pages.nist.gov/800-63-3/sp800-63b.html#memsecretver): at least 8 characters, at least
 * 64 allowed, spaces and any Unicode allowed, no trimming. The letter-and-digit rule is our own
 * product decision (there is no public standard for it); it is kept this light because NIST advises
 * against heavier composition rules.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_weak';

export function validatePassword(pw: string): PasswordProblem | null {
  // Code points, not UTF-16 units, so an emoji or a rare Han character counts once.
  const length = Array.from(pw).length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  // \p{L} lets a Chinese character count as the letter; the digit must be an ASCII digit.
  if (!/\p{L}/u.test(pw) || !/[0-9]/.test(pw)) return 'too_weak';
  return null;
}
