import type { Kysely } from 'kysely';
import { insertRow, precompiledQuery } from '../../db/precompiled';
import type { Database, NewSimPaymentRow, SimPaymentRow } from '../../db/schema/index';

/** The simulated WeChat Pay platform's own records in `sim_payments` (provider `wechatpay`). */

const PROVIDER = 'wechatpay';

const payments = (db: Kysely<Database>) => db.selectFrom('sim_payments').where('provider', '=', PROVIDER);

// Every prepay, cashier sheet and payment reads a trade this way: compiled once.
const tradeOf = precompiledQuery(2, (db, mchid: string, outTradeNo: string) =>
  payments(db).selectAll().where('merchantId', '=', mchid).where('outTradeNo', '=', outTradeNo),
);

export async function findTrade(
  db: Kysely<Database>,
  mchid: string,
  outTradeNo: string,
): Promise<SimPaymentRow | undefined> {
  return (await tradeOf(db, mchid, outTradeNo))[0];
}

export async function insertTrade(db: Kysely<Database>, row: NewSimPaymentRow): Promise<void> {
  await insertRow(db, 'sim_payments', row);
}

export async function setPrepayId(db: Kysely<Database>, id: string, prepayId: string): Promise<void> {
  await db.updateTable('sim_payments').set({ prepayId }).where('id', '=', id).execute();
}

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;

/** NOTPAY or PAYERROR → CLOSED; false when the trade had already moved on. */
export async function closeTrade(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('sim_payments')
    .set({ state: 'CLOSED', stateDesc: null })
    .where('id', '=', id)
    .where('state', 'in', ['NOTPAY', 'PAYERROR'])
    .executeTakeFirst();
  return changed(result);
}

/**
 * One conditional UPDATE moves an unpaid, unexpired trade to SUCCESS: of two taps (or a tap and a
 * close), exactly one changes the row, so a trade is paid once.
 */
export async function markPaid(
  db: Kysely<Database>,
  id: string,
  paid: { transactionId: string; successTime: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('sim_payments')
    .set({ state: 'SUCCESS', stateDesc: null, transactionId: paid.transactionId, successTime: paid.successTime })
    .where('id', '=', id)
    .where('state', 'in', ['NOTPAY', 'PAYERROR'])
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
  return changed(result);
}

/** A declined attempt: the trade stays payable (the payer may try another card) until it expires. */
export async function markPayError(db: Kysely<Database>, id: string, stateDesc: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('sim_payments')
    .set({ state: 'PAYERROR', stateDesc })
    .where('id', '=', id)
    .where('state', 'in', ['NOTPAY', 'PAYERROR'])
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
  return changed(result);
}
