/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// Migrations import nothing from the app: they must keep producing the same schema when the app's
// types move on. Column types are the ones SQLite and PostgreSQL both accept.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // Recorded once, so support can tell how old a user's data file is.
  const now = new Date().toISOString();
  await db.insertInto('app_meta').values({ key: 'schema_created_at', value: now, updated_at: now }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_meta').execute();
}
