/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import { sql, type Kysely } from 'kysely';

// The background jobs look for orders in a few states whose time has come: unpaid ones past their expiry,
// paid ones due for crediting, paying ones due for a query at the provider. The indexes for them were on
// (state, time) over every order, so each new order went into all three, and each change of state moved
// its entries in all three. Partial indexes hold only the orders each job can want: a new order goes into
// the expiry index alone (two fewer index pages written per order), and a credited or closed one leaves
// them all. The jobs' queries name the same states as literals (`DUE_ORDERS` in orders/queries.ts), which
// is what lets both databases' planners use them; a plan test holds that.

// Written out here, not imported: a migration must not move when the app's code does.
const DUE_INDEXES = [
  { name: 'orders_due_expiry', column: 'expires_at', states: ['created', 'paying'] },
  { name: 'orders_due_credit', column: 'credit_due_at', states: ['paid'] },
  { name: 'orders_due_query', column: 'next_query_at', states: ['paying'] },
] as const;

const STATE_INDEXES = [
  { name: 'orders_state_expires', column: 'expires_at' },
  { name: 'orders_state_credit_due', column: 'credit_due_at' },
  { name: 'orders_state_next_query', column: 'next_query_at' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const { name } of STATE_INDEXES) await db.schema.dropIndex(name).execute();
  for (const { name, column, states } of DUE_INDEXES) {
    await db.schema
      .createIndex(name)
      .on('orders')
      .column(column)
      .where(
        sql.ref('state'),
        'in',
        states.map((state) => sql.lit(state)),
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { name } of DUE_INDEXES) await db.schema.dropIndex(name).execute();
  for (const { name, column } of STATE_INDEXES) {
    await db.schema.createIndex(name).on('orders').columns(['state', column]).execute();
  }
}
