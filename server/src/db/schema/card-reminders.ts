import type { Insertable, Selectable } from 'kysely';

/** A card's low-balance reminder threshold and the user's answer to WeChat's subscription request. */
export interface CardRemindersTable {
  cardId: string;
  userId: string;
  thresholdMinor: number | null;
  subscribe: 'accept' | 'reject' | 'ban' | 'unsupported' | null;
  updatedAt: string;
}

export type CardReminderRow = Selectable<CardRemindersTable>;
export type NewCardReminderRow = Insertable<CardRemindersTable>;

export const tableName = 'card_reminders';
export type PartialDatabase = { [tableName]: CardRemindersTable };
