import type { Language, MessageKind } from '@cbc/shared';
import type { Insertable, Selectable } from 'kysely';

/**
 * The inbox: simulated SMS, e-mail and app notices. A message belongs to a user, or (a code sent
 * before the account exists) to a device and a phone until registration claims it. `title` and `body`
 * are the text as sent, in `lang`; `params` is the language-neutral notice (JSON) that the inbox
 * renders in the reader's language. Rows stored before migration 007 have neither.
 */
export interface MessagesTable {
  id: string;
  userId: string | null;
  deviceId: string | null;
  phoneE164: string | null;
  kind: MessageKind;
  channel: 'sms' | 'email' | 'app';
  recipientMasked: string;
  title: string;
  body: string;
  /** JSON of the notice (shared `noticeSchema`). */
  params: string | null;
  lang: Language | null;
  createdAt: string;
  readAt: string | null;
}

export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;

export const tableName = 'messages';
export type PartialDatabase = { [tableName]: MessagesTable };
