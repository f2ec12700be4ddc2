import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * A bound card. Neither the card number nor the holder's ID number is stored: each is kept as a
 * mask (for display) and a keyed hash (to recognise it again). The ID photo lives in a file outside
 * every served folder; only its file name is stored.
 */
export interface CardsTable {
  id: string;
  userId: string;
  cardType: 'zhonggangtong' | 'yuanyou';
  numberHash: string;
  numberMasked: string;
  /** JSON array of `{ region, number }` with normalized plate numbers. */
  platesJson: string;
  idType: 'mainland_id' | 'hkid' | 'macau_id' | 'home_return_permit';
  idNumberMasked: string;
  idNumberHash: string;
  idPhotoFile: string | null;
  verification: 'photo_required' | 'verified';
  /** 0 or 1; a partial unique index allows one 1 per user. */
  isDefault: number;
  /** 0 or 1: bound with generated practice data (填入示例). */
  isSample: Generated<number>;
  /** Integer minor units of `currency`. */
  balanceMinor: Generated<number>;
  currency: 'CNY' | 'HKD';
  /** The last top-up's amount (without bonus) and time, written with the balance by the ledger. */
  lastTopupMinor: number | null;
  lastTopupAt: string | null;
  createdAt: string;
}

export type CardRow = Selectable<CardsTable>;
export type NewCardRow = Insertable<CardsTable>;
export type CardRowUpdate = Updateable<CardsTable>;

export const tableName = 'cards';
export type PartialDatabase = { [tableName]: CardsTable };
