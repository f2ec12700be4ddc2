import { randomUUID } from 'node:crypto';
import {
  notificationText,
  type Language,
  type Message,
  type MessageList,
  type MessageParams,
  type NotificationKey,
} from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database, MessageRow } from '../db/schema/index';
import { claimPhoneMessages, countUnread, insertMessage, listMessages, markRead, type InboxOwner } from './queries';

export type { InboxOwner } from './queries';

export interface OutgoingMessage {
  kind: Message['kind'];
  channel: Message['channel'];
  /** Already masked: `+86 138****8000`. */
  to: string;
  /** Rendered once, in the language of the request that caused it, like a real SMS. */
  lang: Language;
  params?: MessageParams;
  userId?: string | null;
  deviceId?: string | null;
  phoneE164?: string | null;
}

export interface MessagesService {
  /** Stores a message; pass a transaction as `db` to make it part of a larger write. */
  send(message: OutgoingMessage, db?: Kysely<Database>): Promise<Message>;
  list(owner: InboxOwner): Promise<MessageList>;
  markRead(owner: InboxOwner, ids: string[]): Promise<MessageList>;
  claimPhoneMessages(phoneE164: string, userId: string, db?: Kysely<Database>): Promise<void>;
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    to: row.recipientMasked,
    title: row.title,
    body: row.body,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export function createMessagesService(deps: { db: Kysely<Database>; clock: Clock }): MessagesService {
  const list = async (owner: InboxOwner): Promise<MessageList> => {
    const rows = await listMessages(deps.db, owner);
    return { messages: rows.map(toMessage), unreadCount: await countUnread(deps.db, owner) };
  };
  return {
    async send(message, db = deps.db) {
      const row: MessageRow = {
        id: randomUUID(),
        userId: message.userId ?? null,
        deviceId: message.deviceId ?? null,
        phoneE164: message.phoneE164 ?? null,
        kind: message.kind,
        channel: message.channel,
        recipientMasked: message.to,
        title: notificationText(message.lang, `${message.kind}.title` as NotificationKey, message.params),
        body: notificationText(message.lang, `${message.kind}.body` as NotificationKey, message.params),
        createdAt: deps.clock().toISOString(),
        readAt: null,
      };
      await insertMessage(db, row);
      return toMessage(row);
    },
    list,
    async markRead(owner, ids) {
      await markRead(deps.db, owner, ids, deps.clock().toISOString());
      return list(owner);
    },
    claimPhoneMessages: (phoneE164, userId, db = deps.db) => claimPhoneMessages(db, phoneE164, userId),
  };
}
