/**
 * One-time SMS codes of the simulated flow are 6 ASCII digits (a product rule, no public standard
 * applies). Only the shape is checked here so a typo is caught before a request; the server checks
 * the code itself.
 */

export const SMS_CODE_LENGTH = 6;

export function isSmsCodeFormat(code: string): boolean {
  return /^[0-9]{6}$/.test(code);
}
