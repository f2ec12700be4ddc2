import { randomInt } from 'node:crypto';

/**
 * Numbers people read on receipts, shared by every feature that writes one (top-up orders, trips), so a
 * trip's receipt number looks like a top-up's and both come from one generator.
 */

/** `20261202143015` in UTC+8, the cards' home time: the date a person sees on their receipt. */
export function homeTimeDigits(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Cryptographically random decimal digits (no modulo bias: each 9-digit block is drawn uniformly). */
export function randomDigits(count: number): string {
  let digits = '';
  while (digits.length < count) digits += String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  return digits.slice(0, count);
}

/** Receipt number: the date, then randomness (unique indexes in the database catch the impossible clash). */
export function newReceiptNo(at: Date): string {
  return `R${homeTimeDigits(at).slice(0, 8)}${randomDigits(10)}`;
}

/** `2026-12-02 14:30 (UTC+8)`: receipts name the cards' home time whatever the reader's zone. */
export function receiptTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC+8)`;
}
