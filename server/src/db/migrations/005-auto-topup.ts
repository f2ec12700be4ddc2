/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// Auto top-up (like Octopus's Automatic Add Value): per card, off unless a row says `enabled`.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('card_auto_topups')
    .addColumn('card_id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    // 0/1 rather than a boolean type: SQLite has none, and PostgreSQL compares integers the same way.
    .addColumn('enabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('amount_minor', 'bigint')
    .addColumn('method', 'text')
    // The UTC+8 day (`YYYY-MM-DD`) of the last run: one conditional UPDATE claims a day, so two trips
    // at once make one top-up.
    .addColumn('last_run_day', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('card_auto_topups').execute();
}
