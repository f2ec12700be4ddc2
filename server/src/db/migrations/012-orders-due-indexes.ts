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

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_state_expires').execute();
  await db.schema.dropIndex('orders_state_credit_due').execute();
  await db.schema.dropIndex('orders_state_next_query').execute();
  await db.schema
    .createIndex('orders_due_expiry')
    .on('orders')
    .column('expires_at')
    .where(sql.ref('state'), 'in', [sql.lit('created'), sql.lit('paying')])
    .execute();
  await db.schema
    .createIndex('orders_due_credit')
    .on('orders')
    .column('credit_due_at')
    .where(sql.ref('state'), 'in', [sql.lit('paid')])
    .execute();
  await db.schema
    .createIndex('orders_due_query')
    .on('orders')
    .column('next_query_at')
    .where(sql.ref('state'), 'in', [sql.lit('paying')])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_due_expiry').execute();
  await db.schema.dropIndex('orders_due_credit').execute();
  await db.schema.dropIndex('orders_due_query').execute();
  await db.schema.createIndex('orders_state_expires').on('orders').columns(['state', 'expires_at']).execute();
  await db.schema.createIndex('orders_state_credit_due').on('orders').columns(['state', 'credit_due_at']).execute();
  await db.schema.createIndex('orders_state_next_query').on('orders').columns(['state', 'next_query_at']).execute();
}
