import { randomInt } from 'node:crypto';

/** `20261202143015` in UTC+8, the cards' home time: the date a person sees on their receipt. */
function homeTimeDigits(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

function randomDigits(count: number): string {
  let digits = '';
  while (digits.length < count) digits += String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  return digits.slice(0, count);
}

/**
 * 商户订单号: WeChat Pay wants 6–32 of [0-9A-Za-z_-], unique per merchant. Time first (sortable,
 * readable on a receipt), then randomness so two orders in the same second never collide.
 */
export function newOutTradeNo(at: Date): string {
  return `CB${homeTimeDigits(at)}${randomDigits(10)}`;
}

/** Receipt number: the date, then randomness (unique index in the database). */
export function newReceiptNo(at: Date): string {
  return `R${homeTimeDigits(at).slice(0, 8)}${randomDigits(10)}`;
}

/** `2026-12-02 14:30 (UTC+8)`: receipts name the cards' home time whatever the reader's zone. */
export function receiptTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC+8)`;
}
