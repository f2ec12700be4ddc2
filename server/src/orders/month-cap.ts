import { topupMonth, type OrderState } from '@cbc/shared';
import type { ExpressionBuilder, Kysely, OnConflictDatabase, OnConflictTables, QueryCreator } from 'kysely';
import { hasRowLocks } from '../db/database';
import { isForeignKeyViolation } from '../db/errors';
import { inGroupCommit } from '../db/group-commit';
import { insertRow, perShape, precompiledQuery, precompiledWrite } from '../db/precompiled';
import type { Database, OrderRow } from '../db/schema/index';

/**
 * A card's month against its cap, kept as a running total in a row per card and month (`card_month_totals`,
 * migration 016): an order adds its amount when it is created, under the cap, and gives it back if it
 * ends unpaid (closed or failed). Every order that may still take money counts, paid or not, so two
 * unpaid orders cannot together pass the cap once both are paid.
 */

/** The key of the cap's month an instant falls in: the month's first instant in UTC+8, as ISO 8601 UTC. */
export function capMonthOf(at: Date | string): string {
  return topupMonth(typeof at === 'string' ? new Date(at) : at).start.toISOString();
}

/** The moves that end an order unpaid: its amount no longer counts against its month. */
export type UncountingState = Extract<OrderState, 'closed' | 'failed'>;

const monthTotal = precompiledQuery(2, (db, cardId: string, monthStart: string) =>
  db
    .selectFrom('cardMonthTotals')
    .select('orderedMinor')
    .where('cardId', '=', cardId)
    .where('monthStart', '=', monthStart),
);

/** What a card's orders of the month that may still take money add up to. */
export async function orderedInMonth(db: Kysely<Database>, cardId: string, monthStart: string): Promise<number> {
  const [row] = await monthTotal(db, cardId, monthStart);
  return Number(row?.orderedMinor ?? 0);
}

/** The month's total with this order's amount. */
function totalWithNew(
  eb: ExpressionBuilder<OnConflictDatabase<Database, 'cardMonthTotals'>, OnConflictTables<'cardMonthTotals'>>,
) {
  return eb('cardMonthTotals.orderedMinor', '+', eb.ref('excluded.orderedMinor'));
}

/**
 * Adds an amount to a card's month if the total stays within the cap, for a card the user holds with a
 * verified holder: one upsert, which on PostgreSQL waits for a concurrent order's and then applies to
 * the row it left. Writes nothing when the card is not the user's, not verified, or the cap would be
 * passed. A card's first order of a month starts the month's total at its amount, which the caller has
 * checked against the rules' maximum (below every cap).
 */
function addToMonth(
  db: QueryCreator<Database>,
  userId: string,
  cardId: string,
  monthStart: string,
  amountMinor: number,
  capMinor: number,
) {
  return db
    .insertInto('cardMonthTotals')
    .columns(['cardId', 'monthStart', 'orderedMinor'])
    .expression(
      db
        .selectFrom('cards')
        .select((eb) => ['id', eb.val(monthStart).as('monthStart'), eb.val(amountMinor).as('orderedMinor')])
        .where('id', '=', cardId)
        .where('userId', '=', userId)
        .where('verification', '=', 'verified'),
    )
    .onConflict((conflict) =>
      conflict
        .columns(['cardId', 'monthStart'])
        .doUpdateSet((eb) => ({ orderedMinor: totalWithNew(eb) }))
        .where((eb) => eb(totalWithNew(eb), '<=', capMinor)),
    );
}

const addedToMonth = precompiledWrite(5, addToMonth);

const ordersUnderCap = perShape<(db: Kysely<Database>, ...values: unknown[]) => Promise<number>>();

/**
 * Inserts a new order if its card is the user's, verified, and the month's orders with this one stay
 * within `capMinor`; answers whether it did. On PostgreSQL one statement, the upsert in a `WITH` and the
 * order inserted from its row, so an order costs one round trip and no transaction of its own; on SQLite,
 * which has no such `WITH`, the same two statements in one (group-committed) transaction.
 */
export async function insertOrderUnderCap(db: Kysely<Database>, row: OrderRow, capMinor: number): Promise<boolean> {
  const values = row as unknown as Record<string, unknown>;
  const columns = Object.keys(values) as Array<keyof OrderRow & string>;
  const monthStart = capMonthOf(row.createdAt);
  const capArguments = [row.userId, row.cardId, monthStart, Number(row.amountMinor), capMinor] as const;
  if (!hasRowLocks(db)) {
    return inGroupCommit(db, async (trx) => {
      if ((await addedToMonth(trx, ...capArguments)) !== 1) return false;
      await insertRow(trx, 'orders', row);
      return true;
    });
  }
  const insert = ordersUnderCap(columns.join(','), () =>
    precompiledWrite(columns.length + capArguments.length, (db, ...standIns: unknown[]) => {
      const [userId, cardId, month, amountMinor, cap] = standIns.slice(columns.length) as [
        string,
        string,
        string,
        number,
        number,
      ];
      return db
        .with('counted', (db) => addToMonth(db, userId, cardId, month, amountMinor, cap).returning('cardId'))
        .insertInto('orders')
        .columns(columns)
        .expression((eb) =>
          eb.selectFrom('counted').select((eb) => columns.map((column, index) => eb.val(standIns[index]).as(column))),
        );
    }),
  );
  try {
    return (await insert(db, ...columns.map((column) => values[column]), ...capArguments)) === 1;
  } catch (error) {
    // The card was unbound after the statement's snapshot saw it: its month's new row has no card to name.
    if (isForeignKeyViolation(error)) return false;
    throw error;
  }
}

const releasedFromMonth = precompiledWrite(3, (db, cardId: string, monthStart: string, amountMinor: number) =>
  db
    .updateTable('cardMonthTotals')
    .set((eb) => ({ orderedMinor: eb('orderedMinor', '-', amountMinor) }))
    .where('cardId', '=', cardId)
    .where('monthStart', '=', monthStart),
);

/**
 * Gives an order's amount back to its month's total, when it has just ended unpaid: in the transaction of
 * that move.
 */
export async function releaseFromMonth(
  trx: Kysely<Database>,
  order: Pick<OrderRow, 'cardId' | 'createdAt' | 'amountMinor'>,
): Promise<void> {
  await releasedFromMonth(trx, order.cardId, capMonthOf(order.createdAt), Number(order.amountMinor));
}
