import { randomUUID } from 'node:crypto';
import { noticeSchema, renderNotice, type Language, type Message, type MessageList, type Notice } from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database, MessageRow } from '../db/schema/index';
import { claimPhoneMessages, countUnread, insertMessage, listMessages, markRead, type InboxOwner } from './queries';

export type { InboxOwner } from './queries';

export interface OutgoingMessage {
  /** What it says, language-neutral: its kind and ids, Money and ISO times, never localized text. */
  notice: Notice;
  channel: Message['channel'];
  /** Already masked: `+86 138****8000`. */
  to: string;
  /** The language it is sent in (the request that caused it), like a real SMS; the inbox re-renders it. */
  lang: Language;
  userId?: string | null;
  deviceId?: string | null;
  phoneE164?: string | null;
}

export interface MessagesService {
  /** Stores a message; pass a transaction as `db` to make it part of a larger write. */
  send(message: OutgoingMessage, db?: Kysely<Database>): Promise<Message>;
  /** The inbox rendered in the reader's language. */
  list(owner: InboxOwner, lang: Language): Promise<MessageList>;
  markRead(owner: InboxOwner, ids: string[], lang: Language): Promise<MessageList>;
  claimPhoneMessages(phoneE164: string, userId: string, db?: Kysely<Database>): Promise<void>;
}

/** The stored notice, or null for a row from before notices (or one this version cannot read). */
function noticeOf(row: MessageRow): Notice | null {
  if (row.params === null) return null;
  try {
    const parsed = noticeSchema.safeParse(JSON.parse(row.params));
    // The kind column is the truth; a notice of another kind would render the wrong texts.
    return parsed.success && parsed.data.kind === row.kind ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A stored message as the reader sees it: rendered in `lang` when it has a notice, else as stored. */
export function toMessage(row: MessageRow, lang: Language): Message {
  const notice = noticeOf(row);
  const asStored = { title: row.title, body: row.body };
  const shown = notice ? renderNotice(lang, notice) : asStored;
  // An SMS or e-mail went out as text: that text is part of what happened. An in-app notice did not.
  const sent = notice && row.channel !== 'app' && row.lang !== null ? { lang: row.lang, ...asStored } : null;
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    to: row.recipientMasked,
    ...shown,
    sent,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export function createMessagesService(deps: { db: Kysely<Database>; clock: Clock }): MessagesService {
  const list = async (owner: InboxOwner, lang: Language): Promise<MessageList> => {
    const rows = await listMessages(deps.db, owner);
    return { messages: rows.map((row) => toMessage(row, lang)), unreadCount: await countUnread(deps.db, owner) };
  };
  return {
    async send(message, db = deps.db) {
      const { notice, lang } = message;
      const sentText = renderNotice(lang, notice);
      const row: MessageRow = {
        id: randomUUID(),
        userId: message.userId ?? null,
        deviceId: message.deviceId ?? null,
        phoneE164: message.phoneE164 ?? null,
        kind: notice.kind,
        channel: message.channel,
        recipientMasked: message.to,
        title: sentText.title,
        body: sentText.body,
        params: JSON.stringify(notice),
        lang,
        createdAt: deps.clock().toISOString(),
        readAt: null,
      };
      await insertMessage(db, row);
      return toMessage(row, lang);
    },
    list,
    async markRead(owner, ids, lang) {
      await markRead(deps.db, owner, ids, deps.clock().toISOString());
      return list(owner, lang);
    },
    claimPhoneMessages: (phoneE164, userId, db = deps.db) => claimPhoneMessages(db, phoneE164, userId),
  };
}
