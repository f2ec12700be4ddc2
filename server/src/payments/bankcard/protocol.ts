import type { PaymentMethod } from '@cbc/shared';
import { z } from 'zod';

/**
 * The simulated bank-card acquirer's own wire format (UnionPay and credit cards share it). No public
 * standard to copy, so it borrows WeChat Pay v3's proven shape: JSON bodies, SHA256withRSA over
 * `…\ntimestamp\nnonce\nbody\n` with a five-minute window, the merchant signing its calls and the bank
 * signing its notifications. The signing primitives are security/rsa-signature.ts; the layouts are here.
 */

export type BankScheme = Extract<PaymentMethod, 'unionpay' | 'credit_card'>;
const bankSchemeSchema = z.enum(['unionpay', 'credit_card'] satisfies BankScheme[]);

export const BANK_HEADERS = {
  timestamp: 'X-Bank-Timestamp',
  nonce: 'X-Bank-Nonce',
  signature: 'X-Bank-Signature',
} as const;

// ——— merchant → bank ———

export type BankOperation = 'payments.create' | 'payments.query' | 'payments.close';

/** One call to the bank: a JSON body signed over `operation\ntimestamp\nnonce\nbody\n` with the merchant key. */
export interface BankRequest {
  merchantId: string;
  operation: BankOperation;
  timestamp: string;
  nonce: string;
  body: string;
  signature: string;
}

/** payments.create: what the merchant asks the bank to collect. */
export interface CreatePaymentRequest {
  outTradeNo: string;
  scheme: BankScheme;
  /** ≤ 127 characters. */
  description: string;
  amount: { total: number; currency: string };
  /** ISO 8601: the bank refuses payment after it. */
  expiresAt: string;
  notifyUrl: string;
  /** The cardholder: who may pay (and whose inbox gets the one-time code). */
  payer: string;
}

/** payments.query and payments.close. */
export interface PaymentRef {
  outTradeNo: string;
}

/** The bank's account of a payment. */
export interface BankPayment {
  outTradeNo: string;
  paymentToken: string;
  scheme: BankScheme;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR';
  stateDesc: string | null;
  transactionId: string | null;
  amount: { total: number; currency: string };
  successTime: string | null;
}

export type BankErrorCode =
  'SIGN_ERROR' | 'INVALID_REQUEST' | 'ORDER_NOT_EXIST' | 'OUT_TRADE_NO_USED' | 'ORDER_PAID' | 'ORDER_CLOSED';

export type BankReply = { ok: true; payment: BankPayment } | { ok: false; code: BankErrorCode; message: string };

/** How the merchant reaches the bank; the simulation answers in-process. */
export interface BankApi {
  call(request: BankRequest): Promise<BankReply>;
}

// ——— bank → merchant ———

export const bankNotificationSchema = z.object({
  id: z.string().min(1),
  createTime: z.iso.datetime(),
  eventType: z.literal('PAYMENT.SUCCESS'),
  merchantId: z.string(),
  outTradeNo: z.string().min(1),
  transactionId: z.string().min(1),
  scheme: bankSchemeSchema,
  state: z.literal('SUCCESS'),
  amount: z.object({ total: z.number().int().positive(), currency: z.string().regex(/^[A-Z]{3}$/) }),
  successTime: z.iso.datetime(),
});
export type BankNotification = z.infer<typeof bankNotificationSchema>;
