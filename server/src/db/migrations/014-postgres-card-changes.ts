/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Each instance keeps its users' card lists in memory (cards/list-replies.ts) and must forget one as soon
// as any instance changes a card of that user: a bind, a credited top-up, a trip. On PostgreSQL a trigger
// announces the owner of every inserted, updated or deleted card on the channel `cbc_card_changes`;
// PostgreSQL delivers it to every listening instance when the change commits, and never if it rolls back.
// The embedded SQLite has one server process, which hears its own writes through TEMP triggers instead.

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function cbc_announce_card_owner() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then
        perform pg_notify('cbc_card_changes', old.user_id);
      end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.user_id is distinct from old.user_id) then
        perform pg_notify('cbc_card_changes', new.user_id);
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger cbc_card_changes after insert or update or delete on cards
    for each row execute function cbc_announce_card_owner()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger cbc_card_changes on cards`.execute(db);
  await sql`drop function cbc_announce_card_owner()`.execute(db);
}
