import { z } from 'zod';
import type { BANK_HEADERS, BankScheme, CreatePaymentRequest, PaymentRef } from '../../payments/bankcard/protocol';

/**
 * The simulated bank's side of its wire format (the merchant's side is payments/bankcard/protocol.ts;
 * they meet only on the wire): the header names and the schemas the bank checks requests against.
 * Signatures (SHA256withRSA over `…\ntimestamp\nnonce\nbody\n`, five-minute window) are made and
 * checked with security/rsa-signature.ts, as on the merchant's side.
 */

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
