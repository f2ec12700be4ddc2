import type { MessageKind } from '@cbc/shared';
import type { Insertable, Selectable } from 'kysely';

/**
 * The inbox: simulated SMS, e-mail and app notices. A message belongs to a user, or (a code sent
 * before the account exists) to a device and a phone until registration claims it.
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
  createdAt: string;
  readAt: string | null;
}

export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;

export const tableName = 'messages';
export type PartialDatabase = { [tableName]: MessagesTable };
