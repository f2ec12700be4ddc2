import type { PaymentMethod } from '@cbc/shared';
import type { Insertable, Selectable } from 'kysely';

/** A card's auto top-up: the preset and method it uses, and the UTC+8 day it last ran. */
export interface CardAutoTopupsTable {
  cardId: string;
  userId: string;
  /** 0 or 1. */
  enabled: number;
  amountMinor: number | null;
  method: PaymentMethod | null;
  /** `YYYY-MM-DD` in UTC+8. */
  lastRunDay: string | null;
  updatedAt: string;
}

export type CardAutoTopupRow = Selectable<CardAutoTopupsTable>;
export type NewCardAutoTopupRow = Insertable<CardAutoTopupsTable>;

export const tableName = 'card_auto_topups';
export type PartialDatabase = { [tableName]: CardAutoTopupsTable };
