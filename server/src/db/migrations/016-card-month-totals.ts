/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// A card's running total of its month's orders, so that order creation adds to it and checks the cap in
// one statement. Summing the month's orders in the order's insert is right on PostgreSQL only with the
// card's row locked by an earlier statement of the same transaction (a statement's snapshot predates the
// lock it waits for): four round trips per order. An upsert on a row of the card's month is applied to its
// newest version even under READ COMMITTED, so two orders at once cannot both squeeze under the cap.
// Instances still running the code before this migration neither count nor give back: stop them all
// before it runs (README, "Running several instances").

/** The states whose orders may still take money: what the cap counts (as the app's state machine had them). */
const COUNTED_STATES = ['created', 'paying', 'paid', 'credited'];

/** The cards' home time, UTC+8: a month starts at its midnight there. */
const HOME_OFFSET_MS = 8 * 3600_000;

function monthStartOf(iso: string): string {
  const local = new Date(Date.parse(iso) + HOME_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - HOME_OFFSET_MS).toISOString();
}

export async function up(db: Kysely<any>): Promise<void> {
  // One row per card and month: an order counts in its own month's row, whichever month another order
  // (or another instance's clock) has reached meanwhile. Money in minor units, BIGINT as since 009.
  await db.schema
    .createTable('card_month_totals')
    .addColumn('card_id', 'text', (col) => col.notNull().references('cards.id').onDelete('cascade'))
    .addColumn('month_start', 'text', (col) => col.notNull())
    .addColumn('ordered_minor', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('card_month_totals_pk', ['card_id', 'month_start'])
    .execute();
  // The orders that still count, summed per card and month; an unbound card's orders count for no card.
  const orders: Array<{ card_id: string; created_at: string; amount_minor: number | string }> = await db
    .selectFrom('orders')
    .innerJoin('cards', 'cards.id', 'orders.card_id')
    .select(['orders.card_id', 'orders.created_at', 'orders.amount_minor'])
    .where('orders.state', 'in', COUNTED_STATES)
    .execute();
  const totals = new Map<string, { cardId: string; monthStart: string; orderedMinor: number }>();
  for (const order of orders) {
    const monthStart = monthStartOf(order.created_at);
    const key = `${order.card_id} ${monthStart}`;
    const total = totals.get(key) ?? { cardId: order.card_id, monthStart, orderedMinor: 0 };
    total.orderedMinor += Number(order.amount_minor);
    totals.set(key, total);
  }
  for (const total of totals.values()) {
    await db
      .insertInto('card_month_totals')
      .values({ card_id: total.cardId, month_start: total.monthStart, ordered_minor: total.orderedMinor })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('card_month_totals').execute();
}
