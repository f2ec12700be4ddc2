import { UNPAID_STATES, statesBefore, type OrderState } from '@cbc/shared';
import { sql, type Kysely } from 'kysely';
import { hasRowLocks } from '../db/database';
import { inGroupCommit } from '../db/group-commit';
import { perShape, precompiledQuery, precompiledWrite } from '../db/precompiled';
import type { Database, OrderRow, OrderRowUpdate } from '../db/schema/index';
import { releaseFromMonth, type UncountingState } from './month-cap';

/** Orders a user may see: another user's id finds nothing (→ 404). */
function ownOrders(db: Kysely<Database>, userId: string) {
  return db.selectFrom('orders').where('userId', '=', userId);
}

// Order creation, payment and every poll of an order's state run these: compiled once.
const ownOrder = precompiledQuery(2, (db, userId: string, id: string) =>
  ownOrders(db, userId).selectAll().where('id', '=', id),
);
const ownOrderByIdempotencyKey = precompiledQuery(2, (db, userId: string, key: string) =>
  ownOrders(db, userId).selectAll().where('idempotencyKey', '=', key),
);

export async function findOrder(db: Kysely<Database>, userId: string, id: string): Promise<OrderRow | undefined> {
  return (await ownOrder(db, userId, id))[0];
}

export async function findOrderById(db: Kysely<Database>, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

// Every payment notification and every crediting runs these: compiled once.
const paidOrderForUpdate = precompiledQuery(1, (db, id: string) => {
  const query = db.selectFrom('orders').selectAll().where('id', '=', id).where('state', '=', 'paid');
  return hasRowLocks(db) ? query.forUpdate().skipLocked() : query;
});
const orderByOutTradeNo = precompiledQuery(1, (db, outTradeNo: string) =>
  db.selectFrom('orders').selectAll().where('outTradeNo', '=', outTradeNo),
);

/**
 * A paid order for the crediting job, held for the caller's transaction. On PostgreSQL a row another
 * instance is crediting right now is skipped (`FOR UPDATE SKIP LOCKED`) instead of waited for: that
 * instance finishes it, and this one moves on to the next order.
 */
export async function claimPaidOrder(db: Kysely<Database>, id: string): Promise<OrderRow | undefined> {
  return (await paidOrderForUpdate(db, id))[0];
}

export async function findOrderByOutTradeNo(db: Kysely<Database>, outTradeNo: string): Promise<OrderRow | undefined> {
  return (await orderByOutTradeNo(db, outTradeNo))[0];
}

export async function findOrderByIdempotencyKey(
  db: Kysely<Database>,
  userId: string,
  key: string,
): Promise<OrderRow | undefined> {
  return (await ownOrderByIdempotencyKey(db, userId, key))[0];
}

export const ORDER_LIST_LIMIT = 50;

export interface OrderFilter {
  cardId?: string;
  /** Only the orders that can still be paid at this instant. */
  payableAt?: string;
}

export async function listOrders(db: Kysely<Database>, userId: string, filter: OrderFilter): Promise<OrderRow[]> {
  let query = ownOrders(db, userId).selectAll();
  if (filter.cardId) query = query.where('cardId', '=', filter.cardId);
  if (filter.payableAt) {
    query = query.where('state', 'in', UNPAID_STATES).where('expiresAt', '>', filter.payableAt);
  }
  return query.orderBy('createdAt', 'desc').orderBy('id').limit(ORDER_LIST_LIMIT).execute();
}

/**
 * How many of a card's orders can still be paid at `now`, and the newest of them: one statement, the
 * count over every such order beside the newest row.
 */
export async function unpaidOrdersSummary(
  db: Kysely<Database>,
  cardId: string,
  now: string,
): Promise<{ count: number; latest: OrderRow | undefined }> {
  const row = await db
    .selectFrom('orders')
    .selectAll()
    .select((eb) => eb.fn.countAll<number | string>().over().as('unpaidCount'))
    .where('cardId', '=', cardId)
    .where('state', 'in', UNPAID_STATES)
    .where('expiresAt', '>', now)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { count: 0, latest: undefined };
  const { unpaidCount, ...latest } = row;
  return { count: Number(unpaidCount), latest };
}

/**
 * One compiled UPDATE per kind of move (target state, states it may leave, columns it sets): a top-up
 * moves its order three times, and the call sites are few, so are the kinds.
 */
const orderMoves = perShape<(db: Kysely<Database>, id: string, ...values: unknown[]) => Promise<number>>();

/**
 * Moves an order only if the state machine allows it from the state it is in now: one conditional
 * UPDATE, so of two concurrent moves exactly one wins and a forbidden move changes nothing. A move that
 * ends an order unpaid goes through `endOrder`, which also gives its amount back to the month's cap.
 */
export function moveOrder(
  db: Kysely<Database>,
  id: string,
  to: Exclude<OrderState, UncountingState>,
  changes: OrderRowUpdate = {},
): Promise<boolean> {
  return moveOrderRow(db, id, to, changes, statesBefore(to));
}

/** Closes or fails an unpaid order and gives its amount back to its month, in one transaction. */
export function endOrder(
  db: Kysely<Database>,
  order: Pick<OrderRow, 'id' | 'cardId' | 'createdAt' | 'amountMinor'>,
  to: UncountingState,
  changes: OrderRowUpdate,
): Promise<boolean> {
  return inGroupCommit(db, async (trx) => {
    if (!(await moveOrderRow(trx, order.id, to, changes, statesBefore(to)))) return false;
    await releaseFromMonth(trx, order);
    return true;
  });
}

async function moveOrderRow(
  db: Kysely<Database>,
  id: string,
  to: OrderState,
  changes: OrderRowUpdate,
  from: readonly OrderState[],
): Promise<boolean> {
  if (from.length === 0) return false;
  // Kysely leaves a column given as undefined out of the SET: so does the kind.
  const columns = (Object.keys(changes) as Array<keyof OrderRowUpdate>).filter(
    (column) => changes[column] !== undefined,
  );
  const kind = `${to}|${from.join(',')}|${columns.join(',')}`;
  const move = orderMoves(kind, () =>
    precompiledWrite(columns.length + 1, (db, id: string, ...values: unknown[]) =>
      db
        .updateTable('orders')
        .set({ ...Object.fromEntries(columns.map((column, index) => [column, values[index]])), state: to })
        .where('id', '=', id)
        .where('state', 'in', [...from]),
    ),
  );
  return (await move(db, id, ...columns.map((column) => changes[column]))) === 1;
}

/**
 * What each background job looks for: orders in these states whose time in that column has come.
 * Migration 012 keeps a partial index for each, holding only the orders in those states, so an order
 * is in none of them once it is credited or closed, and a new one is in the expiry index alone.
 */
export const DUE_ORDERS = {
  expiry: { states: UNPAID_STATES, column: 'expiresAt' },
  credit: { states: ['paid'], column: 'creditDueAt' },
  query: { states: ['paying'], column: 'nextQueryAt' },
} as const satisfies Record<
  string,
  { states: readonly OrderState[]; column: 'creditDueAt' | 'expiresAt' | 'nextQueryAt' }
>;

export type DueOrders = keyof typeof DUE_ORDERS;

/**
 * The due orders of one job, oldest first. The states go into the SQL as literals, not parameters: a
 * planner uses a partial index only when the query's condition matches the index's, which it cannot know
 * of a parameter.
 */
export function dueOrdersQuery(db: Kysely<Database>, due: DueOrders, now: string, limit: number) {
  const { states, column } = DUE_ORDERS[due];
  return db
    .selectFrom('orders')
    .select('id')
    .where(
      'state',
      'in',
      states.map((state) => sql.lit(state)),
    )
    .where(column, '<=', now)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', now)]))
    .orderBy(column)
    .limit(limit);
}

export async function dueOrderIds(db: Kysely<Database>, due: DueOrders, now: string, limit: number): Promise<string[]> {
  const rows = await dueOrdersQuery(db, due, now, limit).execute();
  return rows.map((row) => row.id);
}

/**
 * Claims an order for work done outside one transaction (a call to the provider): a conditional
 * UPDATE, so of two job runners exactly one gets it; the claim lapses by itself if the runner dies.
 */
export async function claimOrder(
  db: Kysely<Database>,
  id: string,
  states: readonly OrderState[],
  now: string,
  until: string,
  changes: OrderRowUpdate = {},
): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ ...changes, claimedUntil: until })
    .where('id', '=', id)
    .where('state', 'in', [...states])
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseOrder(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('orders').set({ claimedUntil: null }).where('id', '=', id).execute();
}

/** Ends a query's claim; an order still paying is asked again at `next`. */
export async function releaseQueryClaim(db: Kysely<Database>, id: string, next: string): Promise<void> {
  await db
    .updateTable('orders')
    .set((eb) => ({
      claimedUntil: null,
      nextQueryAt: eb.case().when('state', '=', 'paying').then(next).else(eb.ref('nextQueryAt')).end(),
    }))
    .where('id', '=', id)
    .execute();
}
