import type { Currency } from '@cbc/shared';
import type { Insertable, Selectable } from 'kysely';

/** A simulated toll trip on a sample segment, paid from a card's balance. */
export interface TripsTable {
  id: string;
  userId: string;
  cardId: string;
  segmentId: string;
  feeMinor: number;
  currency: Currency;
  receiptNo: string;
  createdAt: string;
}

export type TripRow = Selectable<TripsTable>;
export type NewTripRow = Insertable<TripsTable>;

export const tableName = 'trips';
export type PartialDatabase = { [tableName]: TripsTable };
