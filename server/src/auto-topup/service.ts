import {
  CARDS,
  TOPUP_RULES,
  acceptsMethod,
  cardDayOf,
  formatMoney,
  isUnpaid,
  money,
  type AutoTopup,
  type AutoTopupRequest,
  type BoundCard,
  type Language,
  type NoticeOf,
  type PaymentMethod,
} from '@cbc/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { CardsService } from '../cards/service';
import type { Clock } from '../clock';
import type { CardAutoTopupRow, Database } from '../db/schema/index';
import { AppError } from '../errors/app-error';
import type { Jobs } from '../jobs/index';
import type { MessagesService } from '../messages/service';
import type { OrdersService } from '../orders/service';
import type { SimulatedPlatform } from '../payment-sims/platform';
import type { LowBalanceTrip } from '../trips/service';
import { AutoTopupAmountError, AutoTopupMethodError } from './errors';
import { claimDay, findAutoTopup, saveAutoTopup } from './queries';

/**
 * Auto top-up (Octopus's Automatic Add Value): when a trip leaves a card under its reminder threshold,
 * one top-up of the chosen preset on the chosen method, at most once per UTC+8 day. It takes the same
 * path as a manual top-up — an order, its payment at the simulated platform, the platform's
 * notification, crediting by the jobs, the usual receipts — except that the payer confirms nothing:
 * the platform pays under a standing agreement (委托代扣 / 免密支付).
 */
export interface AutoTopupService {
  get(userId: string, cardId: string): Promise<AutoTopup>;
  set(userId: string, cardId: string, input: AutoTopupRequest, lang: Language): Promise<AutoTopup>;
  /** The trips feature's hook: starts an auto top-up in the background (never throws, never awaited). */
  afterTrip(trip: LowBalanceTrip): void;
  /** Resolves once every auto top-up started so far has finished (tests, the demo seed, shutdown). */
  idle(): Promise<void>;
}

export interface AutoTopupServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  cards: CardsService;
  orders: OrdersService;
  messages: MessagesService;
  platformFor: (method: PaymentMethod) => SimulatedPlatform;
  jobs: Pick<Jobs, 'kick'>;
  log: FastifyBaseLogger;
}

/** One order per card and day, whatever retries: the key the orders feature deduplicates on. */
export const autoTopupIdempotencyKey = (cardId: string, day: string) => `auto-${cardId}-${day}`;

function toAutoTopup(card: BoundCard, row: CardAutoTopupRow | undefined): AutoTopup {
  return {
    cardId: card.id,
    enabled: row?.enabled === 1,
    amount: row?.amountMinor == null ? null : money(Number(row.amountMinor), card.balance.currency),
    method: row?.method ?? null,
    lastRunDay: row?.lastRunDay ?? null,
  };
}

export function createAutoTopupService(deps: AutoTopupServiceDeps): AutoTopupService {
  const { db, clock, cards, orders, messages, platformFor, jobs, log } = deps;
  const running = new Set<Promise<void>>();

  const run = async (trip: LowBalanceTrip): Promise<void> => {
    const { user, card, lang } = trip;
    if (!user.orderer) return;
    const setting = await findAutoTopup(db, card.id);
    if (setting?.enabled !== 1 || setting.amountMinor == null || setting.method == null) return;
    const now = clock();
    const day = cardDayOf(now);
    // Claimed before anything is ordered: the loser of two trips at once stops here, and a refused
    // top-up is not retried on that day.
    if (!(await claimDay(db, card.id, day, now.toISOString()))) return;

    const amountMinor = Number(setting.amountMinor);
    const method = setting.method;
    const m = (minor: number) => money(minor, card.balance.currency);
    // The refusal is kept as its error code, so the inbox words it in the reader's language.
    const announce = (refusal?: NoticeOf<'auto_topup'>['refusal']) =>
      messages.send({
        notice: {
          kind: 'auto_topup',
          cardType: card.type,
          number: card.numberMasked,
          balance: m(trip.balanceMinor),
          threshold: m(trip.thresholdMinor),
          amount: m(amountMinor),
          method,
          ...(refusal ? { refusal } : {}),
        },
        channel: 'app',
        to: user.appTo,
        lang,
        userId: user.id,
      });

    try {
      const order = await orders.create(
        user.orderer,
        { cardId: card.id, amountMinor, method },
        autoTopupIdempotencyKey(card.id, day),
        lang,
      );
      if (isUnpaid(order.state)) {
        await orders.pay(user.orderer, order.id, lang);
        const answer = await platformFor(method).pay(order.outTradeNo, 'success', { agreement: true });
        if (answer === 'fail') throw new AppError('PAYMENT_PROVIDER_ERROR', 502);
        // The platform's notification goes out with the next job run; crediting follows it.
        jobs.kick();
      }
      log.info({ cardId: card.id, orderId: order.id, day }, 'auto top-up ordered');
      await announce();
    } catch (error) {
      const known = error instanceof AppError;
      if (!known) log.error({ err: error, cardId: card.id, day }, 'auto top-up failed');
      else log.info({ cardId: card.id, day, code: error.code }, 'auto top-up refused');
      await announce(known ? { code: error.code, params: error.params } : { code: 'PAYMENT_PROVIDER_ERROR' });
    }
  };

  return {
    async get(userId, cardId) {
      const card = await cards.get(userId, cardId);
      return toAutoTopup(card, await findAutoTopup(db, card.id));
    },

    async set(userId, cardId, input, lang) {
      const card = await cards.get(userId, cardId);
      const rules = TOPUP_RULES[card.type];
      const before = await findAutoTopup(db, card.id);
      const amountMinor = input.amountMinor ?? (before?.amountMinor == null ? null : Number(before.amountMinor));
      const method = input.method ?? before?.method ?? null;
      // Checked before anything is written: a refused setting changes nothing.
      if (input.amountMinor !== undefined && !rules.presetsMinor.includes(input.amountMinor)) {
        throw new AutoTopupAmountError(
          rules.presetsMinor.map((minor) => formatMoney(money(minor, rules.currency))).join(' / '),
        );
      }
      if (input.method !== undefined && !acceptsMethod(card.type, input.method)) {
        throw new AutoTopupMethodError(CARDS[card.type].name[lang]);
      }
      await saveAutoTopup(db, {
        cardId: card.id,
        userId,
        enabled: input.enabled ? 1 : 0,
        amountMinor,
        method,
        updatedAt: clock().toISOString(),
      });
      return toAutoTopup(card, await findAutoTopup(db, card.id));
    },

    afterTrip(trip) {
      const job: Promise<void> = run(trip)
        .catch((error: unknown) => log.error({ err: error, cardId: trip.card.id }, 'auto top-up failed'))
        .finally(() => running.delete(job));
      running.add(job);
    },

    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
