import { createHash, randomInt } from 'node:crypto';
import {
  SMS_CODE_MAX_ATTEMPTS,
  SMS_CODE_TTL_SECONDS,
  SMS_RESEND_AFTER_SECONDS,
  currencySchema,
  money,
} from '@cbc/shared';
import type { Kysely } from 'kysely';
import { addSeconds, type Clock } from '../../clock';
import type { Database, SimPaymentRow } from '../../db/schema/index';
import { AppError, NotFoundError, TooManyRequestsError } from '../../errors/app-error';
import type { MessagesService } from '../../messages/service';
import type { BankScheme } from '../../payments/bankcard/protocol';
import type { KeyedHasher } from '../../security/keyed-hash';
import type { NotificationOutbox } from '../outbox';
import type { SimulatedPlatform } from '../platform';
import { closeIfExpired, findTrade, notPayable, settleTrade } from '../trades';
import { schemeOf } from './api';
import type { BankcardPlatformKeys } from './keys';
import { bankNotificationPayload, createBankcardNotificationFormat } from './notification';

/**
 * The cardholder's side of the simulated bank: the card the sheet shows, the one-time code sent by
 * SMS to the inbox, and the payment it confirms. Codes follow the product's SMS rules (six digits,
 * five minutes, five tries, one a minute) and are stored only as a keyed hash.
 */

export interface BankcardCashierDeps {
  db: Kysely<Database>;
  clock: Clock;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  keys: BankcardPlatformKeys;
  hasher: KeyedHasher;
  messages: Pick<MessagesService, 'send'>;
}

const OTP_PURPOSE = 'cashier-otp';
const CARD_PREFIX: Record<BankScheme, string> = { unionpay: '6222', credit_card: '4000' };

/** The payer's simulated card: the same four last digits for the same user and scheme, every time. */
export function simulatedCardMasked(scheme: BankScheme, payer: string): string {
  const last4 = createHash('sha256').update(`${scheme}:${payer}`).digest().readUInt32BE(0) % 10_000;
  return `${CARD_PREFIX[scheme]} **** **** ${String(last4).padStart(4, '0')}`;
}

/** `UP`/`CC` + Beijing time to the second + 10 digits: the bank's transaction number. */
function newTransactionId(scheme: BankScheme, now: Date): string {
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/\D/g, '');
  return `${scheme === 'unionpay' ? 'UP' : 'CC'}${stamp}${String(randomInt(0, 1e10)).padStart(10, '0')}`;
}

const paidError = () => new AppError('ORDER_NOT_PAYABLE', 409, { state: 'paid' });

// The login codes' errors, on the cashier's `smsCode` field.
const codeInvalid = (remaining: number) =>
  new AppError('SMS_CODE_INVALID', 400, { remaining: Math.max(0, remaining) }, 'smsCode');
const codeExpired = () => new AppError('SMS_CODE_EXPIRED', 400, {}, 'smsCode');
const codeLocked = () => new AppError('SMS_CODE_LOCKED', 400, {}, 'smsCode');

export function createBankcardCashier(deps: BankcardCashierDeps): SimulatedPlatform {
  const { db, clock, keys, hasher, messages } = deps;

  const load = async (outTradeNo: string, now: Date) => {
    const row = await findTrade(db, { provider: 'bankcard', merchantId: keys.merchantId, outTradeNo });
    if (!row) throw new NotFoundError('ORDER_NOT_FOUND');
    return closeIfExpired(db, row, now);
  };

  const otpValue = (row: SimPaymentRow, code: string) => `${row.id}:${code}`;

  /** A wrong code counts, on the code it was tried against (a newer code starts from zero). */
  async function countWrongTry(row: SimPaymentRow, otpHash: string): Promise<never> {
    const counted = await db
      .updateTable('sim_payments')
      .set((eb) => ({ otpAttempts: eb('otpAttempts', '+', 1) }))
      .where('id', '=', row.id)
      .where('otpHash', '=', otpHash)
      .where('otpAttempts', '<', SMS_CODE_MAX_ATTEMPTS)
      .returning('otpAttempts')
      .executeTakeFirst();
    if (!counted || counted.otpAttempts >= SMS_CODE_MAX_ATTEMPTS) throw codeLocked();
    throw codeInvalid(SMS_CODE_MAX_ATTEMPTS - counted.otpAttempts);
  }

  /** Checks the code against the current one; returns the hash it matched. */
  async function checkCode(row: SimPaymentRow, code: string | undefined, now: Date): Promise<string> {
    if (!code) throw new AppError('CASHIER_CODE_REQUIRED', 400, {}, 'smsCode');
    // No code sent yet: the advice is the same as for an expired one, get a new code.
    if (!row.otpHash || !row.otpExpiresAt) throw codeExpired();
    if (row.otpAttempts >= SMS_CODE_MAX_ATTEMPTS) throw codeLocked();
    if (row.otpExpiresAt <= now.toISOString()) throw codeExpired();
    if (!hasher.matches(OTP_PURPOSE, otpValue(row, code), row.otpHash)) return countWrongTry(row, row.otpHash);
    return row.otpHash;
  }

  return {
    provider: 'bankcard',
    methods: ['unionpay', 'credit_card'],
    notificationFormat: createBankcardNotificationFormat(keys),

    async sheet(outTradeNo) {
      const row = await load(outTradeNo, clock());
      return { payerCardMasked: simulatedCardMasked(schemeOf(row), row.payer ?? row.outTradeNo), otpRequired: true };
    },

    async sendCode(outTradeNo, recipient) {
      const now = clock();
      const row = await load(outTradeNo, now);
      if (row.state === 'SUCCESS') throw paidError();
      const refusal = notPayable(row);
      if (refusal) throw refusal;
      const resendAt = (sentAt: string) => new Date(sentAt).getTime() + SMS_RESEND_AFTER_SECONDS * 1000;
      const tooSoon = (sentAt: string) =>
        new TooManyRequestsError((resendAt(sentAt) - now.getTime()) / 1000, 'SMS_CODE_TOO_SOON');
      if (row.otpSentAt && resendAt(row.otpSentAt) > now.getTime()) throw tooSoon(row.otpSentAt);

      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = addSeconds(now, SMS_CODE_TTL_SECONDS).toISOString();
      const latestAllowed = new Date(now.getTime() - SMS_RESEND_AFTER_SECONDS * 1000).toISOString();
      await db.transaction().execute(async (trx) => {
        // Conditional on the throttle, so two taps on "send code" at once send one code.
        const stored = await trx
          .updateTable('sim_payments')
          .set({
            otpHash: hasher.hash(OTP_PURPOSE, otpValue(row, code)),
            otpExpiresAt: expiresAt,
            otpSentAt: now.toISOString(),
            otpAttempts: 0,
          })
          .where('id', '=', row.id)
          .where('state', '=', 'NOTPAY')
          .where((eb) => eb.or([eb('otpSentAt', 'is', null), eb('otpSentAt', '<=', latestAllowed)]))
          .executeTakeFirst();
        if (Number(stored.numUpdatedRows) !== 1) throw tooSoon(now.toISOString());
        // The SMS and the stored code commit together: the inbox never shows a code the bank does not hold.
        await messages.send(
          {
            notice: {
              kind: 'payment_code',
              amount: money(Number(row.amountMinor), currencySchema.parse(row.currency)),
              code,
              minutes: SMS_CODE_TTL_SECONDS / 60,
            },
            channel: 'sms',
            to: recipient.to,
            lang: recipient.lang,
            userId: recipient.userId,
          },
          trx,
        );
      });
      return { sentTo: recipient.to, expiresAt, resendAfterSeconds: SMS_RESEND_AFTER_SECONDS };
    },

    async pay(outTradeNo, outcome, credentials) {
      const now = clock();
      const row = await load(outTradeNo, now);
      // A second tap on a paid order: it is paid, once.
      if (row.state === 'SUCCESS') return 'ok';
      const refusal = notPayable(row);
      if (refusal) throw refusal;
      // Under a standing agreement (委托代扣) the bank asks for no one-time code.
      const otpHash = credentials.agreement ? undefined : await checkCode(row, credentials.smsCode, now);
      const scheme = schemeOf(row);
      const transactionId = newTransactionId(scheme, now);
      const settled = await settleTrade(deps, row, now, {
        outcome,
        transactionId,
        payload: (successTime) => bankNotificationPayload(row, transactionId, successTime),
        // A code confirms one payment attempt only.
        set: { otpHash: null, otpExpiresAt: null },
        ...(otpHash === undefined ? {} : { otpHash }),
      });
      if (!settled) {
        const current = await load(outTradeNo, clock());
        if (current.state === 'SUCCESS') return 'ok';
        // Still unpaid: a new code was sent between the check and the payment.
        throw notPayable(current) ?? codeExpired();
      }
      return outcome === 'insufficient_funds' ? 'fail' : 'ok';
    },
  };
}
