/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// Simulated trips and low-balance reminders. A trip is a ledger entry like a top-up (its `trip_id`
// and `segment_id` columns exist since 003).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trips')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('card_id', 'text', (col) => col.notNull())
    .addColumn('segment_id', 'text', (col) => col.notNull())
    .addColumn('fee_minor', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('receipt_no', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('card_reminders')
    .addColumn('card_id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    // A reminder goes out when a trip takes the balance from at or above this to below it: the trip's
    // atomic debit returns the balance after it, so exactly one trip sees each crossing.
    .addColumn('threshold_minor', 'bigint')
    .addColumn('subscribe', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('card_reminders').execute();
  await db.schema.dropTable('trips').execute();
}
