import type { Currency } from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Database, LedgerEntryKind, LedgerEntryRow } from '../db/schema/index';
import { decodeCursor, encodeCursor, type HistoryScope } from './cursor';
import {
  entriesOfOrder,
  findUserEntry,
  listEntries,
  sumBefore,
  sumInOut,
  sumInOutByCurrency,
  sumThrough,
  type EntryFilter,
} from './history-queries';

export type { CursorPosition, HistoryScope } from './cursor';

export interface EntryPageRequest {
  scope: HistoryScope;
  /** The opaque cursor of the previous page; refused (400 CURSOR_INVALID) unless made for `scope`. */
  cursor?: string;
  kinds?: readonly LedgerEntryKind[];
  /** ISO instants: created_at in [since, until). */
  since?: string;
  until?: string;
  limit: number;
}

export interface EntryPage {
  entries: LedgerEntryRow[];
  /** The cursor of the next (older) page; null when this page is the last. */
  nextCursor: string | null;
}

/** The ledger's read side for history: pages, single entries and the sums receipts and statements show. */
export interface LedgerHistory {
  page(request: EntryPageRequest): Promise<EntryPage>;
  /** Every entry of a scope in a time range (exports, statements), newest first. */
  entries(filter: Omit<EntryFilter, 'before'>): Promise<LedgerEntryRow[]>;
  /** One of the user's entries; undefined for an unknown id and for another user's alike. */
  findEntry(userId: string, id: string): Promise<LedgerEntryRow | undefined>;
  /** The entries an order wrote (its top-up, and its bonus if any), oldest first. */
  orderEntries(orderId: string): Promise<LedgerEntryRow[]>;
  /** The card's balance right after `entry`: the sum of its entries up to and including it. */
  balanceAfter(entry: Pick<LedgerEntryRow, 'cardId' | 'createdAt' | 'id'>): Promise<number>;
  /** The card's balance just before an instant: the sum of its entries created earlier. */
  balanceBefore(cardId: string, at: string): Promise<number>;
  /** Money in and out of the card (both ≥ 0) in [since, until), ISO instants. */
  inOut(cardId: string, since: string, until: string): Promise<{ in: number; out: number }>;
  /** Money in and out of all of a user's cards in [since, until), one line per currency that moved. */
  inOutByCurrency(
    userId: string,
    since: string,
    until: string,
  ): Promise<Array<{ currency: Currency; in: number; out: number }>>;
}

export function createLedgerHistory(db: Kysely<Database>): LedgerHistory {
  return {
    async page({ scope, cursor, limit, ...filter }) {
      const before = cursor === undefined ? undefined : decodeCursor(cursor, scope);
      // One row more than asked says whether an older page exists, without a count.
      const rows = await listEntries(db, { scope, ...filter, ...(before ? { before } : {}) }, limit + 1);
      const entries = rows.slice(0, limit);
      const last = entries[entries.length - 1];
      return {
        entries,
        nextCursor:
          rows.length > limit && last ? encodeCursor(scope, { createdAt: last.createdAt, id: last.id }) : null,
      };
    },
    entries: (filter) => listEntries(db, filter),
    findEntry: (userId, id) => findUserEntry(db, userId, id),
    orderEntries: (orderId) => entriesOfOrder(db, orderId),
    balanceAfter: (entry) => sumThrough(db, entry.cardId, { createdAt: entry.createdAt, id: entry.id }),
    balanceBefore: (cardId, at) => sumBefore(db, cardId, at),
    inOut: (cardId, since, until) => sumInOut(db, cardId, since, until),
    inOutByCurrency: (userId, since, until) => sumInOutByCurrency(db, userId, since, until),
  };
}
