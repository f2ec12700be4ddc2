/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is typed Kysely<any> on purpose: it must not
   depend on the app's current table types, which move on after it ships. */
import { sql, type Kysely } from 'kysely';

// Accounts, sessions, simulated SMS codes and inbox, bound cards. Same conventions as 001: text
// timestamps in ISO 8601 UTC, integer money in minor units, integer 0/1 flags, SQL both SQLite and
// PostgreSQL run. Secrets are never stored as such: passwords as scrypt hashes, tokens and codes as
// hashes, card and ID numbers as a mask plus a keyed hash.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('phone_e164', 'text', (col) => col.unique())
    .addColumn('phone_region', 'text')
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('wechat_openid', 'text', (col) => col.unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('sms_codes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('phone_e164', 'text', (col) => col.notNull())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('device_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('consumed_at', 'text')
    .execute();
  // "The latest code for this phone": both the resend throttle and the register check ask it.
  await db.schema
    .createIndex('sms_codes_phone_purpose_created')
    .on('sms_codes')
    .columns(['phone_e164', 'purpose', 'created_at'])
    .execute();

  await db.schema
    .createTable('wechat_code_uses')
    .addColumn('code_hash', 'text', (col) => col.primaryKey())
    .addColumn('used_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('cascade'))
    .addColumn('device_id', 'text')
    .addColumn('phone_e164', 'text')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('recipient_masked', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('messages_user_created').on('messages').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('messages_device_created').on('messages').columns(['device_id', 'created_at']).execute();
  await db.schema.createIndex('messages_phone').on('messages').column('phone_e164').execute();

  await db.schema
    .createTable('cards')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('card_type', 'text', (col) => col.notNull())
    // Unique across accounts: one physical card can be bound to one account only.
    .addColumn('number_hash', 'text', (col) => col.notNull().unique())
    .addColumn('number_masked', 'text', (col) => col.notNull())
    .addColumn('plates_json', 'text', (col) => col.notNull())
    .addColumn('id_type', 'text', (col) => col.notNull())
    .addColumn('id_number_masked', 'text', (col) => col.notNull())
    .addColumn('id_number_hash', 'text', (col) => col.notNull())
    .addColumn('id_photo_file', 'text')
    .addColumn('verification', 'text', (col) => col.notNull())
    .addColumn('is_default', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('balance_minor', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('cards_user_created').on('cards').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('cards_id_number_hash').on('cards').column('id_number_hash').execute();
  // At most one default card per user, enforced by the database (a partial index: SQLite and PostgreSQL).
  await db.schema
    .createIndex('cards_one_default_per_user')
    .on('cards')
    .column('user_id')
    .unique()
    .where(sql.ref('is_default'), '=', 1)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['cards', 'messages', 'wechat_code_uses', 'sms_codes', 'sessions', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
