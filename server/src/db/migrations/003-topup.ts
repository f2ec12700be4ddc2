/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import type { Kysely } from 'kysely';

// Top-up orders, the ledger that owns balances, and the simulated payment platforms' own records
// (what WeChat Pay, Alipay and the bank would keep on their side; prefixed `sim_`, never read by the
// merchant side except through the platforms' APIs). Money is BIGINT minor units (64-bit on both
// SQLite and PostgreSQL); timestamps ISO 8601 UTC text as before.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    // No foreign key to cards: an order and its receipt outlive an unbound card.
    .addColumn('card_id', 'text', (col) => col.notNull())
    .addColumn('card_type', 'text', (col) => col.notNull())
    .addColumn('card_number_masked', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('amount_minor', 'bigint', (col) => col.notNull())
    .addColumn('bonus_minor', 'bigint', (col) => col.notNull())
    .addColumn('total_minor', 'bigint', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('promotion_id', 'text')
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('end_reason', 'text')
    .addColumn('out_trade_no', 'text', (col) => col.notNull().unique())
    .addColumn('transaction_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text', (col) => col.notNull())
    // The language the user ordered in: receipts sent later by a background job use it.
    .addColumn('lang', 'text', (col) => col.notNull())
    // Where the simulated SMS and e-mail receipts go, masked as the inbox shows them; null: not sent.
    .addColumn('receipt_sms_to', 'text')
    .addColumn('receipt_email_to', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('paying_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('credit_due_at', 'text')
    .addColumn('credited_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('receipt_no', 'text', (col) => col.unique())
    // When the reconciliation job should next ask the provider about a still-paying order.
    .addColumn('next_query_at', 'text')
    // A job that works on the order outside one transaction (closing it at the provider) holds it until then.
    .addColumn('claimed_until', 'text')
    .execute();
  await db.schema
    .createIndex('orders_user_idempotency_key')
    .on('orders')
    .columns(['user_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema.createIndex('orders_user_created').on('orders').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('orders_card_created').on('orders').columns(['card_id', 'created_at']).execute();
  await db.schema.createIndex('orders_state_expires').on('orders').columns(['state', 'expires_at']).execute();
  await db.schema.createIndex('orders_state_credit_due').on('orders').columns(['state', 'credit_due_at']).execute();
  await db.schema.createIndex('orders_state_next_query').on('orders').columns(['state', 'next_query_at']).execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('card_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    // What the entry came from: a top-up order (top-up and bonus entries) or a simulated trip.
    .addColumn('order_id', 'text')
    .addColumn('trip_id', 'text')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('amount_minor', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    // Copied from the order or trip when the entry is written (all immutable), so history reads one table.
    .addColumn('card_type', 'text', (col) => col.notNull())
    .addColumn('card_number_masked', 'text', (col) => col.notNull())
    .addColumn('receipt_no', 'text', (col) => col.notNull())
    .addColumn('method', 'text')
    .addColumn('segment_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  // One entry of each kind per order or trip: a second attempt inserts nothing and so adds nothing.
  await db.schema
    .createIndex('ledger_entries_order_kind')
    .on('ledger_entries')
    .columns(['order_id', 'kind'])
    .unique()
    .execute();
  await db.schema
    .createIndex('ledger_entries_trip_kind')
    .on('ledger_entries')
    .columns(['trip_id', 'kind'])
    .unique()
    .execute();
  // History pages newest first by (created_at, id), for one card and for all of a user's cards.
  await db.schema
    .createIndex('ledger_entries_card_cursor')
    .on('ledger_entries')
    .columns(['card_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('ledger_entries_user_cursor')
    .on('ledger_entries')
    .columns(['user_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('sim_payments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('merchant_id', 'text', (col) => col.notNull())
    .addColumn('out_trade_no', 'text', (col) => col.notNull())
    // Same out_trade_no with the same parameters is a retry; with other parameters it is refused.
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('amount_minor', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('notify_url', 'text', (col) => col.notNull())
    .addColumn('payer', 'text')
    .addColumn('prepay_id', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('state_desc', 'text')
    .addColumn('transaction_id', 'text')
    .addColumn('success_time', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('attach', 'text')
    .addColumn('otp_hash', 'text')
    .addColumn('otp_expires_at', 'text')
    .addColumn('otp_sent_at', 'text')
    .addColumn('otp_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('sim_payments_trade')
    .on('sim_payments')
    .columns(['provider', 'merchant_id', 'out_trade_no'])
    .unique()
    .execute();

  await db.schema
    .createTable('sim_notifications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('out_trade_no', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    // The cleartext event; each attempt is signed (and for WeChat Pay encrypted) when it is sent.
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('probe', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('claimed_until', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('sim_notifications_due')
    .on('sim_notifications')
    .columns(['state', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sim_notifications', 'sim_payments', 'ledger_entries', 'orders']) {
    await db.schema.dropTable(table).execute();
  }
}
