import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Currency } from '@cbc/shared';
import { perShape, precompiledQuery } from '../db/precompiled';
import type { Database, LedgerEntryKind, LedgerEntryRow } from '../db/schema/index';
import type { CursorPosition, HistoryScope } from './cursor';

/** What one history read selects: a scope, optionally older than a position, of some kinds, in a time range. */
export interface EntryFilter {
  scope: HistoryScope;
  /** Only entries strictly older than this, in (created_at, id) order. */
  before?: CursorPosition;
  /** Empty or absent: every kind. */
  kinds?: readonly LedgerEntryKind[];
  /** ISO instants: created_at in [since, until). */
  since?: string;
  until?: string;
}

/**
 * The one base query of history, newest first. Its shape is what lets the cursor indexes serve it
 * (checked with EXPLAIN QUERY PLAN in the tests): equality on the index's first column (card_id for a
 * card, user_id for all of a user's cards), then a range on (created_at, id) written as a row-value
 * comparison, which SQLite and PostgreSQL both seek to directly. The equivalent
 * `created_at < ? OR (created_at = ? AND id < ?)` makes SQLite walk the card's entries from the newest
 * down to the cursor, so deep pages would get slower the deeper they are. ORDER BY matches the index
 * (read backwards), so no sort step; kind is filtered on the rows the index yields.
 */
export function entriesQuery(db: Kysely<Database>, filter: EntryFilter) {
  let query = db.selectFrom('ledger_entries').selectAll();
  query =
    filter.scope.kind === 'card'
      ? query.where('cardId', '=', filter.scope.id)
      : query.where('userId', '=', filter.scope.id);
  const { before, kinds, since, until } = filter;
  if (before) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('createdAt', 'id'), '<', tuple(before.createdAt, before.id)),
    );
  }
  if (since) query = query.where('createdAt', '>=', since);
  if (until) query = query.where('createdAt', '<', until);
  if (kinds && kinds.length > 0) query = query.where('kind', 'in', [...kinds]);
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc');
}

/**
 * One compiled query per shape of filter (scope, which bounds are given, which kinds, the limit), its
 * values sent as parameters. The shapes are few (two scopes, three optional bounds, the contract's kinds
 * and page sizes); building and compiling the query was about an eighth of a history page's CPU (docs/performance.md,
 * issue 9).
 */
const entryPages = perShape<(db: Kysely<Database>, ...args: string[]) => Promise<LedgerEntryRow[]>>();

export async function listEntries(
  db: Kysely<Database>,
  filter: EntryFilter,
  limit?: number,
): Promise<LedgerEntryRow[]> {
  const { scope, before, since, until } = filter;
  const kinds = [...new Set(filter.kinds ?? [])].sort();
  const shape = [
    scope.kind,
    before ? 'before' : '',
    since ? 'since' : '',
    until ? 'until' : '',
    kinds.join('+'),
    limit,
  ];
  const key = shape.join('|');
  const args = [
    scope.id,
    ...(before ? [before.createdAt, before.id] : []),
    ...(since ? [since] : []),
    ...(until ? [until] : []),
  ];
  const page = entryPages(key, () =>
    precompiledQuery(args.length, (db, ...values: string[]) => {
      // The stand-ins, taken in the order `args` lists the values.
      const standIns = values[Symbol.iterator]();
      const value = () => standIns.next().value as string;
      const query = entriesQuery(db, {
        scope: { kind: scope.kind, id: value() },
        ...(before ? { before: { createdAt: value(), id: value() } } : {}),
        ...(since ? { since: value() } : {}),
        ...(until ? { until: value() } : {}),
        kinds,
      });
      return limit === undefined ? query : query.limit(limit);
    }),
  );
  return page(db, ...args);
}

/** An entry of the user's; another user's id finds nothing (→ 404). */
export async function findUserEntry(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<LedgerEntryRow | undefined> {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function entriesOfOrder(db: Kysely<Database>, orderId: string): Promise<LedgerEntryRow[]> {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('orderId', '=', orderId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** A card's entries up to and including `position`, summed; on the card's cursor index like the pages. */
export function sumThroughQuery(db: Kysely<Database>, cardId: string, position: CursorPosition) {
  return db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amountMinor'), eb.lit(0)).as('total'))
    .where('cardId', '=', cardId)
    .where(({ eb, refTuple, tuple }) => eb(refTuple('createdAt', 'id'), '<=', tuple(position.createdAt, position.id)));
}

/** The sums of the entries above and below zero (0 when there are none): money in, and out as a negative sum. */
function inOutSums(eb: ExpressionBuilder<Database, 'ledger_entries'>) {
  const sumOf = (side: '>' | '<') =>
    eb.fn.coalesce(
      eb.fn.sum<number | string>(eb.case().when('amountMinor', side, 0).then(eb.ref('amountMinor')).else(0).end()),
      eb.lit(0),
    );
  return [sumOf('>').as('totalIn'), sumOf('<').as('totalOut')] as const;
}

/** Money in and out of a card between two instants, [since, until): a month's totals, out as a negative sum. */
export function sumInOutQuery(db: Kysely<Database>, cardId: string, since: string, until: string) {
  return db
    .selectFrom('ledger_entries')
    .select(inOutSums)
    .where('cardId', '=', cardId)
    .where('createdAt', '>=', since)
    .where('createdAt', '<', until);
}

/** Money in and out of a card (both ≥ 0) between two instants, [since, until). */
export async function sumInOut(
  db: Kysely<Database>,
  cardId: string,
  since: string,
  until: string,
): Promise<{ in: number; out: number }> {
  const row = await sumInOutQuery(db, cardId, since, until).executeTakeFirst();
  return { in: Number(row?.totalIn ?? 0), out: -Number(row?.totalOut ?? 0) };
}

/**
 * Money in and out (both ≥ 0) of all of a user's cards between two instants, one line per currency
 * that moved, in currency order: the cards may hold CNY and HKD, which never add up. Entries of cards
 * since unbound count, as they stay in the user's history.
 */
export async function sumInOutByCurrency(
  db: Kysely<Database>,
  userId: string,
  since: string,
  until: string,
): Promise<Array<{ currency: Currency; in: number; out: number }>> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select((eb) => ['currency', ...inOutSums(eb)])
    .where('userId', '=', userId)
    .where('createdAt', '>=', since)
    .where('createdAt', '<', until)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({ currency: row.currency, in: Number(row.totalIn), out: -Number(row.totalOut) }));
}

/** A card's entries before an instant, summed: a statement's opening balance. */
export function sumBeforeQuery(db: Kysely<Database>, cardId: string, before: string) {
  return db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amountMinor'), eb.lit(0)).as('total'))
    .where('cardId', '=', cardId)
    .where('createdAt', '<', before);
}

export async function sumThrough(db: Kysely<Database>, cardId: string, position: CursorPosition): Promise<number> {
  const row = await sumThroughQuery(db, cardId, position).executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function sumBefore(db: Kysely<Database>, cardId: string, before: string): Promise<number> {
  const row = await sumBeforeQuery(db, cardId, before).executeTakeFirst();
  return Number(row?.total ?? 0);
}
