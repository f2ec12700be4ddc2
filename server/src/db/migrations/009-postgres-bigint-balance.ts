/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import { PostgresAdapter, type Kysely } from 'kysely';

// 002 declared the balance `integer`: 64-bit on SQLite, 32-bit on PostgreSQL, where a balance above
// about ¥21 million would fail. Every other money column has been BIGINT since 003.

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .alterTable('cards')
    .alterColumn('balance_minor', (col) => col.setDataType('bigint'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .alterTable('cards')
    .alterColumn('balance_minor', (col) => col.setDataType('integer'))
    .execute();
}
