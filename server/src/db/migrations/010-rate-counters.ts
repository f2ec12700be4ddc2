/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// Rate-limit windows in the database, so every instance on one PostgreSQL counts against the same bar
// (in memory each would keep its own). One row per key, counted by one upsert.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_counters')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('count', 'integer', (col) => col.notNull())
    // When the window ends (ISO 8601 UTC); the next hit after it starts a new one.
    .addColumn('reset_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_counters_reset_at').on('rate_counters').column('reset_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_counters').execute();
}
