import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import { insertRow } from '../db/precompiled';
import type { Database, NewSimPaymentRow, SimPaymentRow, SimPaymentUpdate, SimProvider } from '../db/schema/index';
import { AppError } from '../errors/app-error';
import type { NotificationOutbox } from './outbox';
import type { CashierPayOutcome } from './platform';

/**
 * A simulated platform's own records of merchants' orders (sim_payments), shared by the Alipay and
 * bank-card simulations: the same rules hold at both (one order per merchant order number, expiry,
 * one payment per order), only the wire formats differ. The simulated WeChat Pay keeps its own
 * (wechatpay/queries.ts): there a declined attempt leaves the order payable.
 */

export interface TradeKey {
  provider: SimProvider;
  merchantId: string;
  outTradeNo: string;
}

export async function findTrade(db: Kysely<Database>, key: TradeKey): Promise<SimPaymentRow | undefined> {
  return db
    .selectFrom('sim_payments')
    .selectAll()
    .where('provider', '=', key.provider)
    .where('merchantId', '=', key.merchantId)
    .where('outTradeNo', '=', key.outTradeNo)
    .executeTakeFirst();
}

/**
 * The trade for a create request: a new one, the stored one when the same request comes again (a retry),
 * or `conflict` when the merchant order number was used with other parameters.
 */
export async function createTrade(db: Kysely<Database>, row: NewSimPaymentRow): Promise<SimPaymentRow | 'conflict'> {
  const key = { provider: row.provider, merchantId: row.merchantId, outTradeNo: row.outTradeNo };
  const same = (existing: SimPaymentRow) => (existing.requestHash === row.requestHash ? existing : 'conflict');
  const existing = await findTrade(db, key);
  if (existing) return same(existing);
  try {
    await insertRow(db, 'sim_payments', row);
  } catch (error) {
    // Two creates of one order number at once: the unique index lets one in, the other reads it.
    if (!isUniqueViolation(error)) throw error;
  }
  const stored = await findTrade(db, key);
  if (!stored) throw new Error(`sim_payments row ${row.outTradeNo} vanished`);
  return same(stored);
}

const isExpired = (row: SimPaymentRow, now: Date) => row.expiresAt !== null && row.expiresAt <= now.toISOString();

/** An unpaid trade past its expiry closes by itself, as at the real platforms; returns the row as it now stands. */
export async function closeIfExpired(db: Kysely<Database>, row: SimPaymentRow, now: Date): Promise<SimPaymentRow> {
  if (row.state !== 'NOTPAY' || !isExpired(row, now)) return row;
  await db
    .updateTable('sim_payments')
    .set({ state: 'CLOSED', stateDesc: 'expired' })
    .where('id', '=', row.id)
    .where('state', '=', 'NOTPAY')
    .execute();
  return (await findTrade(db, row)) ?? row;
}

/** The merchant closes its order: an unpaid trade closes, a paid one stays paid. Returns the row as it now stands. */
export async function closeTrade(db: Kysely<Database>, row: SimPaymentRow): Promise<SimPaymentRow> {
  await db
    .updateTable('sim_payments')
    .set({ state: 'CLOSED', stateDesc: 'closed by merchant' })
    .where('id', '=', row.id)
    .where('state', 'in', ['NOTPAY', 'PAYERROR'])
    .execute();
  return (await findTrade(db, row)) ?? row;
}

/** Why the cashier cannot take a payment for this trade, if it cannot. A paid trade is not refused: see `pay`. */
export function notPayable(row: SimPaymentRow): AppError | undefined {
  if (row.state === 'CLOSED') return new AppError('ORDER_NOT_PAYABLE', 409, { state: 'closed' });
  // A declined payment ends the order (the orders feature moves it to `failed`): no second try on it.
  if (row.state === 'PAYERROR') return new AppError('ORDER_NOT_PAYABLE', 409, { state: 'failed' });
  return undefined;
}

/** How a declined payment (the practice switch's insufficient funds) is described. */
export const DECLINED_DESC = '余额不足';

export interface Settlement {
  outcome: CashierPayOutcome;
  /** The platform's transaction id, recorded when the payment goes through. */
  transactionId: string;
  /** The notification's cleartext, given the payment's time (ISO 8601). */
  payload: (successTime: string) => string;
  /** Extra columns to set (the bank-card cashier consumes its one-time code). */
  set?: SimPaymentUpdate;
  /** Bank cards: the one-time code checked must still be the current one. */
  otpHash?: string;
}

/**
 * Records what happened at the cashier. One conditional UPDATE … WHERE state = 'NOTPAY' (and not expired),
 * so of two taps on "pay" exactly one moves the trade; its notification is enqueued in the same
 * transaction, so a recorded payment always has one. Returns false when this call moved nothing.
 */
export async function settleTrade(
  deps: { db: Kysely<Database>; outbox: Pick<NotificationOutbox, 'enqueue'> },
  row: SimPaymentRow,
  now: Date,
  settlement: Settlement,
): Promise<boolean> {
  const at = now.toISOString();
  const paid = settlement.outcome !== 'insufficient_funds';
  return deps.db.transaction().execute(async (trx) => {
    let update = trx
      .updateTable('sim_payments')
      .set({
        ...settlement.set,
        ...(paid
          ? { state: 'SUCCESS', stateDesc: null, transactionId: settlement.transactionId, successTime: at }
          : // WeChat Pay's trade_state_desc for the case; the orders feature reads the reason from it.
            { state: 'PAYERROR', stateDesc: DECLINED_DESC }),
      })
      .where('id', '=', row.id)
      .where('state', '=', 'NOTPAY')
      .where('expiresAt', '>', at);
    if (settlement.otpHash !== undefined) update = update.where('otpHash', '=', settlement.otpHash);
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (paid) {
      await deps.outbox.enqueue(
        {
          provider: row.provider,
          outTradeNo: row.outTradeNo,
          url: row.notifyUrl,
          payload: settlement.payload(at),
          // `timeout`: the money is taken but the notification never leaves (a query must find the payment).
          lost: settlement.outcome === 'timeout',
        },
        trx,
      );
    }
    return true;
  });
}
