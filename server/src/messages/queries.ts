import type { Kysely } from 'kysely';
import { insertRow } from '../db/precompiled';
import type { Database, MessageRow, NewMessageRow } from '../db/schema/index';

/** Whose inbox: a logged-in user's, or before registration a device's messages that belong to no user. */
export type InboxOwner = { userId: string } | { deviceId: string };

/** Newest messages shown; older ones stay stored but an inbox of simulated notices needs no paging yet. */
export const INBOX_LIMIT = 100;

function inbox(db: Kysely<Database>, owner: InboxOwner) {
  const base = db.selectFrom('messages');
  return 'userId' in owner
    ? base.where('userId', '=', owner.userId)
    : base.where('deviceId', '=', owner.deviceId).where('userId', 'is', null);
}

export async function insertMessage(db: Kysely<Database>, row: NewMessageRow): Promise<void> {
  await insertRow(db, 'messages', row);
}

export async function listMessages(db: Kysely<Database>, owner: InboxOwner): Promise<MessageRow[]> {
  return inbox(db, owner).selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(INBOX_LIMIT).execute();
}

export async function countUnread(db: Kysely<Database>, owner: InboxOwner): Promise<number> {
  const row = await inbox(db, owner)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function markRead(db: Kysely<Database>, owner: InboxOwner, ids: string[], now: string): Promise<void> {
  let query = db.updateTable('messages').set({ readAt: now }).where('id', 'in', ids).where('readAt', 'is', null);
  query =
    'userId' in owner
      ? query.where('userId', '=', owner.userId)
      : query.where('deviceId', '=', owner.deviceId).where('userId', 'is', null);
  await query.execute();
}

/** Gives a newly registered user the simulated SMS sent to their phone before the account existed. */
export async function claimPhoneMessages(db: Kysely<Database>, phoneE164: string, userId: string): Promise<void> {
  await db
    .updateTable('messages')
    .set({ userId })
    .where('phoneE164', '=', phoneE164)
    .where('userId', 'is', null)
    .execute();
}
