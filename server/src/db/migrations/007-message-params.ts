/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// Inbox messages keep their content language-neutral (the notice: kind + ids, Money, ISO times as
// JSON) so each reader sees them in their own language, and the language the SMS or e-mail went out
// in beside the text as sent. Rows from before stay as they are (both null): their stored text is
// all there is, and the inbox shows it unchanged.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('params', 'text').execute();
  await db.schema.alterTable('messages').addColumn('lang', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('lang').execute();
  await db.schema.alterTable('messages').dropColumn('params').execute();
}
