/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Each instance keeps its users' history pages in memory beside their card lists (cards/owner-replies.ts),
// forgotten on the owner announcements of migration 014. A ledger entry nearly always comes with an update
// of its card's row, but not when the card is gone: an order paid before its card was unbound is credited
// afterwards, its entries written and the balance update finding no row. Entries now announce their owner
// on the same channel, through the same function. PostgreSQL delivers a payload repeated on a channel within
// one transaction once, so a top-up (its entries and its card's row, one user) still sends one notification.

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create trigger cbc_ledger_changes after insert or update or delete on ledger_entries
    for each row execute function cbc_announce_card_owner()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger cbc_ledger_changes on ledger_entries`.execute(db);
}
