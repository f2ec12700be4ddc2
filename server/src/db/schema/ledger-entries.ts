import type { CardId, Currency, PaymentMethod } from '@cbc/shared';
import type { Insertable, Selectable } from 'kysely';

export type LedgerEntryKind = 'topup' | 'bonus' | 'trip';

/** One movement of a card's balance; the balance always equals the sum of its entries. */
export interface LedgerEntriesTable {
  id: string;
  cardId: string;
  userId: string;
  /** The order behind a top-up or bonus; unique with `kind`, so an order is credited at most once. */
  orderId: string | null;
  /** The simulated trip behind a trip entry; unique with `kind`. */
  tripId: string | null;
  kind: LedgerEntryKind;
  /** Signed integer minor units: top-ups and bonuses positive, trips negative. */
  amountMinor: number;
  currency: Currency;
  /** Copied from the order or trip (immutable), so history reads one table. */
  cardType: CardId;
  cardNumberMasked: string;
  receiptNo: string;
  /** Top-up and bonus entries: how the order was paid. */
  method: PaymentMethod | null;
  /** Trip entries: the sample toll segment. */
  segmentId: string | null;
  createdAt: string;
}

export type LedgerEntryRow = Selectable<LedgerEntriesTable>;
export type NewLedgerEntryRow = Insertable<LedgerEntriesTable>;

export const tableName = 'ledger_entries';
export type PartialDatabase = { [tableName]: LedgerEntriesTable };
