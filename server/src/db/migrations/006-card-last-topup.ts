/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import { sql, type Kysely } from 'kysely';

// A card's last top-up (amount and time), kept on the card row beside the balance by the same atomic
// statement that credits it, so the home page reads it with the cards and no ledger scan.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cards').addColumn('last_topup_minor', 'bigint').execute();
  await db.schema.alterTable('cards').addColumn('last_topup_at', 'text').execute();
  // Cards credited before this migration take theirs from the ledger (the newest `topup` entry).
  const newest = (column: string) =>
    sql`(select ${sql.ref(column)} from ledger_entries
          where ledger_entries.card_id = cards.id and ledger_entries.kind = 'topup'
          order by ledger_entries.created_at desc, ledger_entries.id desc limit 1)`;
  await db
    .updateTable('cards')
    .set({ last_topup_minor: newest('amount_minor'), last_topup_at: newest('created_at') })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cards').dropColumn('last_topup_at').execute();
  await db.schema.alterTable('cards').dropColumn('last_topup_minor').execute();
}
