import type { CardId } from '../cards/cards';
import { isValidLuhn, luhnCheckDigit } from './luhn';

/**
 * Simulated card numbers (see DESIGN.md §2): a fixed 4-digit prefix per card type, 11 free digits
 * and a Luhn check digit (ISO/IEC 7812-1 Annex B, https://en.wikipedia.org/wiki/Luhn_algorithm).
 * The prefixes are ours, not the operators' real issuer numbers: the app is a simulation.
 */
export const CARD_NUMBER_RULES: Record<CardId, { prefix: string; length: 16 }> = {
  zhonggangtong: { prefix: '6288', length: 16 },
  yuanyou: { prefix: '8852', length: 16 },
};

export type CardNumberProblem = 'empty' | 'not_digits' | 'wrong_length' | 'wrong_prefix' | 'check_digit';

/** Drops the spaces and hyphens people type between groups; anything else stays so it can be reported. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** First problem found, in the order empty → not_digits → wrong_length → wrong_prefix → check_digit. */
export function validateCardNumber(card: CardId, input: string): CardNumberProblem | null {
  const number = normalizeCardNumber(input);
  const rule = CARD_NUMBER_RULES[card];
  if (number === '') return 'empty';
  if (!/^\d+$/.test(number)) return 'not_digits';
  if (number.length !== rule.length) return 'wrong_length';
  if (!number.startsWith(rule.prefix)) return 'wrong_prefix';
  if (!isValidLuhn(number)) return 'check_digit';
  return null;
}

function groupsOfFour(text: string): string {
  return (text.match(/.{1,4}/gu) ?? []).join(' ');
}

/**
 * `6288 **** **** 1234`: the prefix only names the card type and the last four let the holder tell
 * cards apart, as bank apps do; everything between is hidden. Inputs too short to hide a middle
 * (under 9 characters) are masked completely.
 */
export function maskCardNumber(normalized: string): string {
  const chars = Array.from(normalized);
  if (chars.length < 9) return groupsOfFour('*'.repeat(chars.length));
  const middle = '*'.repeat(chars.length - 8);
  return groupsOfFour(chars.slice(0, 4).join('') + middle + chars.slice(-4).join(''));
}

/** Groups of four for display while typing; characters are kept so the validator can still flag them. */
export function formatCardNumber(input: string): string {
  return groupsOfFour(normalizeCardNumber(input));
}

/** Builds a valid number from 11 body digits: the card's prefix, the body, then the Luhn check digit. */
export function generateCardNumber(card: CardId, body11: string): string {
  if (!/^\d{11}$/.test(body11)) throw new RangeError('generateCardNumber expects exactly 11 digits');
  const withoutCheck = CARD_NUMBER_RULES[card].prefix + body11;
  return withoutCheck + String(luhnCheckDigit(withoutCheck));
}
