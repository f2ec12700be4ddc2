import type { Currency } from '@cbc/shared';
import type { Insertable, Selectable } from 'kysely';

export type LedgerEntryKind = 'topup' | 'bonus';

/** One movement of a card's balance; the balance always equals the sum of its entries. */
export interface LedgerEntriesTable {
  id: string;
  cardId: string;
  userId: string;
  /** The order behind a top-up or bonus; unique with `kind`, so an order is credited at most once. */
  orderId: string | null;
  kind: LedgerEntryKind;
  /** Signed integer minor units. */
  amountMinor: number;
  currency: Currency;
  createdAt: string;
}

export type LedgerEntryRow = Selectable<LedgerEntriesTable>;
export type NewLedgerEntryRow = Insertable<LedgerEntriesTable>;

export const tableName = 'ledger_entries';
export type PartialDatabase = { [tableName]: LedgerEntriesTable };
