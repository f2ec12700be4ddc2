import { randomUUID } from 'node:crypto';
import type { CardId, Currency, PaymentMethod } from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';
import { createLedgerHistory, type LedgerHistory } from './history';
import {
  addTopupToBalance,
  balanceOf,
  insertEntryOnce,
  insertTripEntryOnce,
  lockCardRow,
  subtractIfCovered,
  sumOfEntries,
} from './queries';

/**
 * The only writer of card balances. Every change is a ledger entry plus an atomic `balance + amount`
 * in the same transaction, so a balance always equals the sum of its entries.
 */

export interface OrderCredit {
  orderId: string;
  cardId: string;
  userId: string;
  currency: Currency;
  amountMinor: number;
  bonusMinor: number;
  cardType: CardId;
  cardNumberMasked: string;
  receiptNo: string;
  method: PaymentMethod;
  at: Date;
}

export interface TripDebit {
  tripId: string;
  cardId: string;
  userId: string;
  currency: Currency;
  /** Positive: what the trip costs; the entry records it negated. */
  feeMinor: number;
  cardType: CardId;
  cardNumberMasked: string;
  receiptNo: string;
  segmentId: string;
  at: Date;
}

/** A trip's entry was already there: the caller must roll its transaction back (the fee came off again). */
export class TripAlreadyDebitedError extends Error {
  constructor(tripId: string) {
    super(`trip ${tripId} already has a ledger entry`);
    this.name = 'TripAlreadyDebitedError';
  }
}

/** Writes (below) and the history reads of `LedgerHistory` (history.ts), over the one table the ledger owns. */
export interface LedgerService extends LedgerHistory {
  /**
   * Credits a paid order's amount and bonus. Call inside the transaction that marks the order
   * credited. A second call for the same order inserts nothing and adds nothing (unique per order
   * and kind). `credited`: whether money moved; `balanceMinor`: the card's balance after it (null
   * when nothing moved or the card is gone).
   */
  creditOrder(trx: Kysely<Database>, credit: OrderCredit): Promise<{ credited: boolean; balanceMinor: number | null }>;
  /**
   * Takes a trip's fee off the balance, only if the balance covers it, and writes the trip's entry
   * (negative), in the caller's transaction. `debited: false` when the balance is too low (or the card
   * is gone): then nothing was written and `balanceMinor` is the balance as it stands (null: no card).
   * `debited: true`: `balanceMinor` is the balance right after this debit, as the atomic statement
   * returned it, so the balance before it is `balanceMinor + feeMinor` even when other debits and
   * credits run at the same time; `entryId` is the trip's ledger entry (its receipt in the history).
   * Throws TripAlreadyDebitedError for a trip debited before.
   */
  debitTrip(
    trx: Kysely<Database>,
    debit: TripDebit,
  ): Promise<
    { debited: true; balanceMinor: number; entryId: string } | { debited: false; balanceMinor: number | null }
  >;
  /** Sum of a card's entries: what its balance must equal. */
  sumOfEntries(cardId: string): Promise<number>;
  /**
   * Holds the card's balance for the rest of the caller's transaction. Read the clock after it: an
   * entry is then stamped after every change already applied to that card, so the history's running
   * sum replays the order in which the balance really moved (on PostgreSQL, transactions overlap).
   */
  lockCard(trx: Kysely<Database>, cardId: string): Promise<void>;
}

export function createLedgerService(deps: { db: Kysely<Database> }): LedgerService {
  return {
    async creditOrder(trx, credit) {
      const createdAt = credit.at.toISOString();
      const base = {
        cardId: credit.cardId,
        userId: credit.userId,
        orderId: credit.orderId,
        currency: credit.currency,
        cardType: credit.cardType,
        cardNumberMasked: credit.cardNumberMasked,
        receiptNo: credit.receiptNo,
        method: credit.method,
      };
      const topup = await insertEntryOnce(trx, {
        ...base,
        id: randomUUID(),
        kind: 'topup',
        amountMinor: credit.amountMinor,
        createdAt,
      });
      if (!topup) return { credited: false, balanceMinor: null };
      let total = credit.amountMinor;
      if (credit.bonusMinor > 0) {
        await insertEntryOnce(trx, {
          ...base,
          id: randomUUID(),
          kind: 'bonus',
          amountMinor: credit.bonusMinor,
          createdAt,
        });
        total += credit.bonusMinor;
      }
      const balanceMinor = await addTopupToBalance(trx, credit.cardId, {
        totalMinor: total,
        topupMinor: credit.amountMinor,
        at: createdAt,
      });
      return { credited: true, balanceMinor };
    },
    async debitTrip(trx, debit) {
      if (!Number.isSafeInteger(debit.feeMinor) || debit.feeMinor <= 0) {
        throw new RangeError(`a trip fee is a positive whole number of minor units: ${debit.feeMinor}`);
      }
      // The balance moves first, conditionally: when it does not cover the fee nothing else is written.
      const after = await subtractIfCovered(trx, debit.cardId, debit.feeMinor);
      if (after === null) return { debited: false, balanceMinor: await balanceOf(trx, debit.cardId) };
      const entryId = randomUUID();
      const written = await insertTripEntryOnce(trx, {
        id: entryId,
        cardId: debit.cardId,
        userId: debit.userId,
        tripId: debit.tripId,
        kind: 'trip',
        amountMinor: -debit.feeMinor,
        currency: debit.currency,
        cardType: debit.cardType,
        cardNumberMasked: debit.cardNumberMasked,
        receiptNo: debit.receiptNo,
        segmentId: debit.segmentId,
        createdAt: debit.at.toISOString(),
      });
      // Thrown, not returned: the fee already came off in this transaction and only a rollback puts it back.
      if (!written) throw new TripAlreadyDebitedError(debit.tripId);
      return { debited: true, balanceMinor: after, entryId };
    },
    sumOfEntries: (cardId) => sumOfEntries(deps.db, cardId),
    lockCard: lockCardRow,
    ...createLedgerHistory(deps.db),
  };
}
