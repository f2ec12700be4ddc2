import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Clock } from '../../clock';
import type { Database, SimPaymentRow } from '../../db/schema/index';
import type { BankApi, BankErrorCode, BankReply, BankRequest } from '../../payments/bankcard/protocol';
import { sha256Hex } from '../../security/keyed-hash';
import { isFresh, signedMessage, verifyMessage } from '../../security/rsa-signature';
import { closeIfExpired, closeTrade, createTrade, findTrade } from '../trades';
import type { BankcardPlatformKeys } from './keys';
import { bankSchemeSchema, createPaymentSchema, paymentRefSchema } from './wire';

/**
 * The simulated bank's merchant API, answered in-process: create, query and close a card payment,
 * each call checked for the merchant's signature and its five-minute window.
 */

export interface BankcardApiDeps {
  db: Kysely<Database>;
  clock: Clock;
  keys: BankcardPlatformKeys;
}

const refused = (code: BankErrorCode, message: string): BankReply => ({ ok: false, code, message });

/** The scheme rides in `attach` (the platforms' free field): the cashier shows a card of that scheme. */
export function schemeOf(row: SimPaymentRow) {
  return bankSchemeSchema.catch('unionpay').parse(row.attach);
}

function paymentOf(row: SimPaymentRow): BankReply {
  return {
    ok: true,
    payment: {
      outTradeNo: row.outTradeNo,
      paymentToken: row.prepayId,
      scheme: schemeOf(row),
      state: row.state,
      stateDesc: row.stateDesc,
      transactionId: row.transactionId,
      amount: { total: Number(row.amountMinor), currency: row.currency },
      successTime: row.successTime,
    },
  };
}

function parseBody<T>(schema: z.ZodType<T>, body: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function createBankcardApi(deps: BankcardApiDeps): BankApi {
  const { db, clock, keys } = deps;
  const key = (outTradeNo: string) => ({ provider: 'bankcard' as const, merchantId: keys.merchantId, outTradeNo });

  async function create(body: string): Promise<BankReply> {
    const request = parseBody(createPaymentSchema, body);
    if (!request) return refused('INVALID_REQUEST', 'malformed payment request');
    const now = clock();
    const trade = await createTrade(db, {
      id: randomUUID(),
      ...key(request.outTradeNo),
      // The same request again is a retry; any difference is a reuse of the order number.
      requestHash: sha256Hex(
        JSON.stringify([
          request.outTradeNo,
          request.scheme,
          request.description,
          request.amount.total,
          request.amount.currency,
          request.expiresAt,
          request.notifyUrl,
          request.payer,
        ]),
      ),
      description: request.description,
      amountMinor: request.amount.total,
      currency: request.amount.currency,
      notifyUrl: request.notifyUrl,
      payer: request.payer,
      prepayId: `bpt_${randomBytes(24).toString('base64url')}`,
      state: 'NOTPAY',
      stateDesc: null,
      transactionId: null,
      successTime: null,
      expiresAt: request.expiresAt,
      attach: request.scheme,
      otpHash: null,
      otpExpiresAt: null,
      otpSentAt: null,
      otpAttempts: 0,
      createdAt: now.toISOString(),
    });
    if (trade === 'conflict') return refused('OUT_TRADE_NO_USED', 'out_trade_no used with other parameters');
    const current = await closeIfExpired(db, trade, now);
    if (current.state === 'SUCCESS') return refused('ORDER_PAID', 'order already paid');
    if (current.state !== 'NOTPAY') return refused('ORDER_CLOSED', 'order closed');
    return paymentOf(current);
  }

  async function existing(body: string): Promise<SimPaymentRow | BankReply> {
    const ref = parseBody(paymentRefSchema, body);
    if (!ref) return refused('INVALID_REQUEST', 'malformed payment reference');
    return (await findTrade(db, key(ref.outTradeNo))) ?? refused('ORDER_NOT_EXIST', 'no such order');
  }

  const isRow = (value: SimPaymentRow | BankReply): value is SimPaymentRow => 'outTradeNo' in value;

  return {
    async call(request: BankRequest) {
      const now = clock();
      if (request.merchantId !== keys.merchantId) return refused('SIGN_ERROR', 'unknown merchant');
      if (!isFresh(request.timestamp, now)) return refused('SIGN_ERROR', 'timestamp outside the window');
      const message = signedMessage([request.operation, request.timestamp, request.nonce, request.body]);
      if (!request.nonce || !verifyMessage(message, request.signature, keys.merchantPublicKey)) {
        return refused('SIGN_ERROR', 'signature does not verify');
      }
      switch (request.operation) {
        case 'payments.create':
          return create(request.body);
        case 'payments.query': {
          const found = await existing(request.body);
          return isRow(found) ? paymentOf(await closeIfExpired(db, found, now)) : found;
        }
        case 'payments.close': {
          const found = await existing(request.body);
          return isRow(found) ? paymentOf(await closeTrade(db, found)) : found;
        }
        default:
          return refused('INVALID_REQUEST', 'unknown operation');
      }
    },
  };
}
