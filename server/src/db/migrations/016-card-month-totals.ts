/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// A card's running total of its month's orders, so that order creation adds to it and checks the cap in
// one statement. Summing the month's orders in the order's insert is right on PostgreSQL only with the
// card's row locked by an earlier statement of the same transaction (a statement's snapshot predates the
// lock it waits for): four round trips per order. An upsert on this row is applied to its newest version
// even under READ COMMITTED, so two orders at once cannot both squeeze under the cap.

/** The states whose orders may still take money: what the cap counts (as the app's state machine had them). */
const COUNTED_STATES = ['created', 'paying', 'paid', 'credited'];

/** The cards' home time, UTC+8: a month starts at its midnight there. */
const HOME_OFFSET_MS = 8 * 3600_000;

function monthStartOf(iso: string): string {
  const local = new Date(Date.parse(iso) + HOME_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - HOME_OFFSET_MS).toISOString();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('card_month_totals')
    .addColumn('card_id', 'text', (col) => col.primaryKey().references('cards.id').onDelete('cascade'))
    .addColumn('month_start', 'text', (col) => col.notNull())
    .addColumn('ordered_minor', 'integer', (col) => col.notNull())
    .execute();
  // Each card's latest month with orders that still count, summed; an earlier month is over for the cap.
  const orders: Array<{ card_id: string; created_at: string; amount_minor: number | string }> = await db
    .selectFrom('orders')
    .innerJoin('cards', 'cards.id', 'orders.card_id')
    .select(['orders.card_id', 'orders.created_at', 'orders.amount_minor'])
    .where('orders.state', 'in', COUNTED_STATES)
    .execute();
  const totals = new Map<string, { monthStart: string; orderedMinor: number }>();
  for (const order of orders) {
    const monthStart = monthStartOf(order.created_at);
    const total = totals.get(order.card_id);
    const amount = Number(order.amount_minor);
    if (!total || total.monthStart < monthStart) totals.set(order.card_id, { monthStart, orderedMinor: amount });
    else if (total.monthStart === monthStart) total.orderedMinor += amount;
  }
  for (const [cardId, total] of totals) {
    await db
      .insertInto('card_month_totals')
      .values({ card_id: cardId, month_start: total.monthStart, ordered_minor: total.orderedMinor })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('card_month_totals').execute();
}
