/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// Cards bound with 填入示例's generated data carry a flag, so every screen can label them 示例.

export async function up(db: Kysely<any>): Promise<void> {
  // 0/1 as elsewhere: SQLite has no boolean type, and PostgreSQL compares integers the same way.
  await db.schema
    .alterTable('cards')
    .addColumn('is_sample', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cards').dropColumn('is_sample').execute();
}
