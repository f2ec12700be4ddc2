import { randomUUID } from 'node:crypto';
import type { CardId, Currency, PaymentMethod } from '@cbc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';
import { addToBalance, insertEntryOnce, sumOfEntries } from './queries';

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

export interface LedgerService {
  /**
   * Credits a paid order's amount and bonus. Call inside the transaction that marks the order
   * credited. A second call for the same order inserts nothing and adds nothing (unique per order
   * and kind). `credited`: whether money moved; `balanceMinor`: the card's balance after it (null
   * when nothing moved or the card is gone).
   */
  creditOrder(trx: Kysely<Database>, credit: OrderCredit): Promise<{ credited: boolean; balanceMinor: number | null }>;
  /** Sum of a card's entries: what its balance must equal. */
  sumOfEntries(cardId: string): Promise<number>;
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
      return { credited: true, balanceMinor: await addToBalance(trx, credit.cardId, total) };
    },
    sumOfEntries: (cardId) => sumOfEntries(deps.db, cardId),
  };
}
