import { randomBytes, sign as rsaSign, verify as rsaVerify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { BANK_HEADERS, BankScheme, CreatePaymentRequest, PaymentRef } from '../../payments/bankcard/protocol';

/**
 * The simulated bank's side of its wire format (the merchant's side is payments/bankcard/protocol.ts;
 * they meet only on the wire): SHA256withRSA over `…\ntimestamp\nnonce\nbody\n`, five-minute window,
 * and the schemas the bank checks requests against.
 */

const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

/** Header names as sent; typed by the merchant's constants so both spell them alike. */
export const HEADERS: typeof BANK_HEADERS = {
  timestamp: 'X-Bank-Timestamp',
  nonce: 'X-Bank-Nonce',
  signature: 'X-Bank-Signature',
};

export const bankSchemeSchema = z.enum(['unionpay', 'credit_card'] satisfies BankScheme[]);

export const createPaymentSchema = z.strictObject({
  outTradeNo: z.string().regex(/^[0-9A-Za-z_-]{6,32}$/),
  scheme: bankSchemeSchema,
  description: z.string().min(1).max(127),
  amount: z.strictObject({ total: z.number().int().positive(), currency: z.enum(['CNY', 'HKD']) }),
  expiresAt: z.iso.datetime(),
  notifyUrl: z.url({ protocol: /^https?$/ }),
  payer: z.string().min(1).max(64),
}) satisfies z.ZodType<CreatePaymentRequest>;

export const paymentRefSchema = z.strictObject({
  outTradeNo: z.string().min(1).max(64),
}) satisfies z.ZodType<PaymentRef>;

export const newNonce = () => randomBytes(16).toString('hex');
export const unixSeconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

export function signedMessage(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

export function signMessage(message: string, privateKey: KeyObject): string {
  return rsaSign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

export function verifyMessage(message: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return rsaVerify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function isFresh(timestamp: string, now: Date): boolean {
  return /^\d{1,12}$/.test(timestamp) && Math.abs(now.getTime() - Number(timestamp) * 1000) <= SIGNATURE_WINDOW_MS;
}
