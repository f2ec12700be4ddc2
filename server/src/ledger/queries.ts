import { sql, type Kysely } from 'kysely';
import { hasRowLocks } from '../db/database';
import { insertRow, precompiledQuery } from '../db/precompiled';
import type { Database, NewLedgerEntryRow } from '../db/schema/index';

// Every crediting and trip on PostgreSQL takes it: compiled once.
const cardRowLock = precompiledQuery(1, (db, cardId: string) =>
  db.selectFrom('cards').select('id').where('id', '=', cardId).forNoKeyUpdate(),
);

/**
 * Holds the card row until the transaction ends, so whatever the caller reads or stamps next follows every
 * change to the card already committed. On PostgreSQL, where transactions overlap, that is the row's lock
 * (the strength an UPDATE of its balance takes, without writing a row version); on SQLite every
 * transaction begins IMMEDIATE and already holds the database's one write lock.
 */
export async function lockCardRow(db: Kysely<Database>, cardId: string): Promise<void> {
  if (!hasRowLocks(db)) return;
  await cardRowLock(db, cardId);
}

/** Inserts an entry unless the order already has one of that kind; true when a row was written. */
export async function insertEntryOnce(db: Kysely<Database>, entry: NewLedgerEntryRow): Promise<boolean> {
  return (await insertRow(db, 'ledger_entries', entry, ['orderId', 'kind'])) === 1;
}

/**
 * One atomic statement: the database adds to the balance it holds, so two credits running at once can
 * never both read the old balance and write their own sum (no read-modify-write anywhere).
 */
/** Adds a credited top-up (amount plus bonus) and records it as the card's last top-up, in one statement. */
export async function addTopupToBalance(
  db: Kysely<Database>,
  cardId: string,
  credit: { totalMinor: number; topupMinor: number; at: string },
): Promise<number | null> {
  const [row] = await addToBalance(db, cardId, credit.totalMinor, credit.topupMinor, credit.at);
  // null: the card was unbound meanwhile; the entries still record where the money went.
  return row ? Number(row.balanceMinor) : null;
}

// Every crediting runs it: compiled once.
const addToBalance = precompiledQuery(4, (db, cardId: string, totalMinor: number, topupMinor: number, at: string) =>
  db
    .updateTable('cards')
    .set({ balanceMinor: sql`balance_minor + ${totalMinor}`, lastTopupMinor: topupMinor, lastTopupAt: at })
    .where('id', '=', cardId)
    .returning('balanceMinor'),
);

export async function sumOfEntries(db: Kysely<Database>, cardId: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amountMinor'), eb.lit(0)).as('total'))
    .where('cardId', '=', cardId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Inserts a trip's entry unless the trip already has one of that kind; true when a row was written. */
export async function insertTripEntryOnce(db: Kysely<Database>, entry: NewLedgerEntryRow): Promise<boolean> {
  const result = await db
    .insertInto('ledger_entries')
    .values(entry)
    .onConflict((conflict) => conflict.columns(['tripId', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * One conditional atomic statement: the fee comes off only where the balance covers it, and the
 * database checks and subtracts in the same step. Two debits at once can never both pass the check
 * on the same old balance, so no balance goes below zero whatever runs meanwhile. Returns the
 * balance after the debit; null when nothing was taken (too little, or the card is gone).
 */
export async function subtractIfCovered(
  db: Kysely<Database>,
  cardId: string,
  amountMinor: number,
): Promise<number | null> {
  const row = await db
    .updateTable('cards')
    .set({ balanceMinor: sql`balance_minor - ${amountMinor}` })
    .where('id', '=', cardId)
    .where('balanceMinor', '>=', amountMinor)
    .returning('balanceMinor')
    .executeTakeFirst();
  return row ? Number(row.balanceMinor) : null;
}

/** A card's balance as it stands (to say how much a declined debit lacked); null when the card is gone. */
export async function balanceOf(db: Kysely<Database>, cardId: string): Promise<number | null> {
  const row = await db.selectFrom('cards').select('balanceMinor').where('id', '=', cardId).executeTakeFirst();
  return row ? Number(row.balanceMinor) : null;
}
