import { randomUUID } from 'node:crypto';
import {
  findSegment,
  formatMoney,
  money,
  type BoundCard,
  type Language,
  type Reminder,
  type ReminderRequest,
  type TripReply,
  type tripRequestSchema,
} from '@cbc/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CardsService } from '../cards/service';
import type { Clock } from '../clock';
import type { CardReminderRow, Database } from '../db/schema/index';
import { newReceiptNo } from '../ids/numbers';
import type { LedgerService } from '../ledger/service';
import type { MessagesService } from '../messages/service';
import type { Orderer } from '../orders/service';
import { InsufficientBalanceError, SegmentNotFoundError, TripCardGoneError } from './errors';
import { findReminder, insertTrip, saveReminder } from './queries';

type TripRequest = z.infer<typeof tripRequestSchema>;

/** Who drives: the session's user, with where their simulated notices go (masked, as the inbox shows them). */
export interface Traveller {
  id: string;
  /** The masked phone of a user who has one: trip receipts go there as an SMS, like a real toll card's. */
  smsTo: string | null;
  /** The masked name an in-app notice is addressed to (phone or WeChat account). */
  appTo: string;
  /** The same user as the orders feature sees them (an auto top-up orders on their behalf). */
  orderer?: Orderer;
}

/** A trip that left the balance under the card's reminder threshold (after its transaction committed). */
export interface LowBalanceTrip {
  user: Traveller;
  card: BoundCard;
  balanceMinor: number;
  thresholdMinor: number;
  lang: Language;
}

export interface TripsService {
  /** Pays a sample segment from the card's balance; declined (nothing written) when the balance is too low. */
  create(user: Traveller, cardId: string, input: TripRequest, lang: Language): Promise<TripReply>;
  getReminder(userId: string, cardId: string): Promise<Reminder>;
  setReminder(userId: string, cardId: string, input: ReminderRequest): Promise<Reminder>;
}

export interface TripsServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  cards: CardsService;
  ledger: LedgerService;
  messages: MessagesService;
  log: FastifyBaseLogger;
  /**
   * Called after the trip's transaction committed when the balance is left under the threshold (auto
   * top-up). Not awaited: the trip's reply never waits for it, and nothing it does can undo the trip.
   */
  onLowBalance?: (trip: LowBalanceTrip) => void;
}

/**
 * A reminder goes out when a debit takes the balance from at or above the threshold to below it. The
 * debit is one atomic statement that returns the balance after it, so `before` is exact for that
 * debit: debits one after another see consecutive, non-overlapping (before, after) pairs, and only one
 * of them can straddle the threshold. A top-up that lifts the balance over it makes the next fall a
 * new crossing. No "already sent" flag is needed, so none can go stale or be raced.
 */
export function crossesThreshold(beforeMinor: number, afterMinor: number, thresholdMinor: number | null): boolean {
  return thresholdMinor !== null && beforeMinor >= thresholdMinor && afterMinor < thresholdMinor;
}

function toReminder(card: BoundCard, row: CardReminderRow | undefined): Reminder {
  const threshold = row?.thresholdMinor == null ? null : Number(row.thresholdMinor);
  return {
    cardId: card.id,
    threshold: threshold === null ? null : money(threshold, card.balance.currency),
    below: threshold !== null && card.balance.amountMinor < threshold,
    subscribe: row?.subscribe ?? null,
  };
}

export function createTripsService(deps: TripsServiceDeps): TripsService {
  const { db, clock, cards, ledger, messages, log, onLowBalance } = deps;

  return {
    async create(user, cardId, input, lang) {
      // 404 for an unknown or foreign card before anything else, so a foreign id learns nothing more.
      const card = await cards.get(user.id, cardId);
      const segment = findSegment(card.type, input.segmentId);
      if (!segment) throw new SegmentNotFoundError();
      const currency = card.balance.currency;
      const fee = segment.feeMinor;
      const show = (amountMinor: number) => formatMoney(money(amountMinor, currency));
      const tripId = randomUUID();
      const segmentName = segment.name[lang];

      const { at, receiptNo, balanceMinor, reminderSent, threshold, transactionId } = await db
        .transaction()
        .execute(async (trx) => {
          // Stamped after the card's lock: trips and credits of one card are then timed in the order the
          // balance actually moved, and a history's running sum replays it (transactions overlap on PostgreSQL).
          await ledger.lockCard(trx, card.id);
          const at = clock();
          const receiptNo = newReceiptNo(at);
          const debit = await ledger.debitTrip(trx, {
            tripId,
            cardId: card.id,
            userId: user.id,
            currency,
            feeMinor: fee,
            cardType: card.type,
            cardNumberMasked: card.numberMasked,
            receiptNo,
            segmentId: segment.id,
            at,
          });
          if (!debit.debited) {
            if (debit.balanceMinor === null) throw new TripCardGoneError();
            throw new InsufficientBalanceError(show(fee - debit.balanceMinor));
          }
          const after = debit.balanceMinor;
          await insertTrip(trx, {
            id: tripId,
            userId: user.id,
            cardId: card.id,
            segmentId: segment.id,
            feeMinor: fee,
            currency,
            receiptNo,
            createdAt: at.toISOString(),
          });
          const cardRef = { cardType: card.type, number: card.numberMasked };
          const balance = money(after, currency);
          await messages.send(
            {
              notice: {
                kind: 'trip_receipt',
                ...cardRef,
                at: at.toISOString(),
                segmentId: segment.id,
                fee: money(fee, currency),
                balance,
                receiptNo,
              },
              // A toll card texts its holder after each passage; a WeChat-only account gets an in-app notice.
              channel: user.smsTo ? 'sms' : 'app',
              to: user.smsTo ?? user.appTo,
              lang,
              userId: user.id,
            },
            trx,
          );
          // Read in the debit's transaction: the threshold this crossing is judged against is the one stored now.
          const reminder = await findReminder(trx, card.id);
          const threshold = reminder?.thresholdMinor == null ? null : Number(reminder.thresholdMinor);
          const crossed = crossesThreshold(after + fee, after, threshold);
          if (crossed && threshold !== null) {
            // An in-app notice: what a WeChat subscription message would carry (its sending is simulated).
            await messages.send(
              {
                notice: { kind: 'low_balance', ...cardRef, balance, threshold: money(threshold, currency) },
                channel: 'app',
                to: user.appTo,
                lang,
                userId: user.id,
              },
              trx,
            );
          }
          return { at, receiptNo, balanceMinor: after, reminderSent: crossed, threshold, transactionId: debit.entryId };
        });
      log.info({ tripId, cardId: card.id, segmentId: segment.id, reminderSent }, 'trip debited');
      if (onLowBalance && threshold !== null && balanceMinor < threshold) {
        onLowBalance({ user, card, balanceMinor, thresholdMinor: threshold, lang });
      }
      return {
        trip: {
          id: tripId,
          segmentId: segment.id,
          segmentName,
          fee: money(fee, currency),
          receiptNo,
          transactionId,
          createdAt: at.toISOString(),
        },
        balance: money(balanceMinor, currency),
        reminderSent,
      };
    },

    async getReminder(userId, cardId) {
      const card = await cards.get(userId, cardId);
      return toReminder(card, await findReminder(db, card.id));
    },

    async setReminder(userId, cardId, input) {
      const card = await cards.get(userId, cardId);
      await saveReminder(db, {
        cardId: card.id,
        userId,
        thresholdMinor: input.thresholdMinor,
        subscribe: input.subscribe,
        updatedAt: clock().toISOString(),
      });
      return toReminder(card, await findReminder(db, card.id));
    },
  };
}
