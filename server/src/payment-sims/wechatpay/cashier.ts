import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inGroupCommit } from '../../db/group-commit';
import type { Database } from '../../db/schema/index';
import { AppError } from '../../errors/app-error';
import type { NotificationOutbox } from '../outbox';
import type { CashierCredentials, CashierPayOutcome } from '../platform';
import type { PlatformKeys } from './keys';
import { findTrade, markPaid, markPayError } from './queries';
import { transactionOf } from './transaction';
import { beijingDigits } from './wire';

/**
 * The payer's side of the simulated WeChat Pay: the password sheet and what a payment does on the
 * platform. A payment moves the platform's record and stores its notification in one transaction;
 * the merchant hears of it only through that notification or a query, never from this call.
 */

export interface WechatPayCashierDeps {
  keys: PlatformKeys;
  db: Kysely<Database>;
  clock: () => Date;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
}

const PASSWORD = /^\d{6}$/;

const digits = (count: number) => Array.from({ length: count }, () => String(randomInt(10))).join('');

/** 28 digits like the platform's (4200000985202103031441826014): a prefix, the Beijing date, a serial. */
const newTransactionId = (now: Date) => `42000${digits(5)}${beijingDigits(now).slice(0, 8)}${digits(10)}`;

const notPayable = () => new AppError('ORDER_NOT_PAYABLE', 409, { state: 'closed' });

export function createWechatPayCashier(deps: WechatPayCashierDeps) {
  const { keys, db, clock, outbox } = deps;

  /** After a conditional update changed nothing: a payment that got there first stands, anything else refuses. */
  const settled = async (outTradeNo: string): Promise<'ok'> => {
    const row = await findTrade(db, keys.mchid, outTradeNo);
    if (row?.state === 'SUCCESS') return 'ok';
    throw notPayable();
  };

  return {
    async sheet(_outTradeNo: string) {
      // WeChat Pay pays from the user's own WeChat account: no card to show, no one-time code.
      return { payerCardMasked: null, otpRequired: false };
    },

    async pay(outTradeNo: string, outcome: CashierPayOutcome, credentials: CashierCredentials): Promise<'ok' | 'fail'> {
      // Any six digits: the simulation has no real password to check, only the gesture. Under a standing
      // agreement (委托代扣) no password is asked.
      if (!credentials.agreement && !PASSWORD.test(credentials.password ?? '')) {
        throw new AppError('PAYMENT_PASSWORD_REQUIRED', 400, {}, 'password');
      }
      const now = clock();
      const row = await findTrade(db, keys.mchid, outTradeNo);
      if (!row) throw notPayable();
      // A second tap on a paid order: the first payment stands, nothing is charged twice.
      if (row.state === 'SUCCESS') return 'ok';
      if (row.state === 'CLOSED') throw notPayable();

      if (outcome === 'insufficient_funds') {
        if (await markPayError(db, row.id, '余额不足', now)) return 'fail';
        return settled(outTradeNo);
      }

      const paid = { transactionId: newTransactionId(now), successTime: now.toISOString() };
      // Paid and its notification stored in one commit, shared with other payments made at the same time.
      const moved = await inGroupCommit(db, async (trx) => {
        if (!(await markPaid(trx, row.id, paid, now))) return false;
        const payload = transactionOf({ ...row, ...paid, state: 'SUCCESS', stateDesc: null }, keys.appid);
        await outbox.enqueue(
          {
            provider: 'wechatpay',
            outTradeNo,
            url: row.notifyUrl,
            payload: JSON.stringify(payload),
            // The practice "time-out": paid on the platform, but the notification never arrives.
            ...(outcome === 'timeout' ? { lost: true } : {}),
          },
          trx,
        );
        return true;
      });
      return moved ? 'ok' : settled(outTradeNo);
    },
  };
}
