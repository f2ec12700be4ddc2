import { createHash, randomUUID } from 'node:crypto';
import {
  CARDS,
  ORDER_STATE_NAMES,
  TOPUP_RULES,
  acceptsMethod,
  activePromotion,
  checkTopupAmount,
  formatMoney,
  isUnpaid,
  money,
  promotionBonus,
  type CreateOrderRequest,
  type Language,
  type Order,
  type OrderEndReason,
  type OrderList,
  type OrderState,
  type PaymentMethod,
  type TopupOptions,
} from '@cbc/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { CardsService } from '../cards/service';
import type { Clock } from '../clock';
import type { TopupConfig } from '../config';
import { inGroupCommit } from '../db/group-commit';
import type { Database, OrderRow } from '../db/schema/index';
import { newReceiptNo } from '../ids/numbers';
import type { LedgerService } from '../ledger/service';
import type { MessagesService } from '../messages/service';
import { PaymentProviderError } from '../errors/payment-provider-error';
import type { PaymentNotificationOutcome, PaymentParams, PaymentProvider, ProviderTrade } from '../payments/provider';
import {
  AmountError,
  CardNotVerifiedError,
  IdempotencyKeyReusedError,
  MethodNotAcceptedError,
  MonthlyCapExceededError,
  OrderNotCancellableError,
  OrderNotFoundError,
  OrderNotPayableError,
  PaymentUnavailableError,
  PromotionExpiredError,
} from './errors';
import { capMonthOf, insertOrderUnderCap, orderedInMonth } from './month-cap';
import { newOutTradeNo } from './numbers';
import {
  claimOrder,
  claimPaidOrder,
  DUE_ORDERS,
  dueOrderIds,
  findOrder,
  findOrderById,
  findOrderByIdempotencyKey,
  findOrderByOutTradeNo,
  endOrder,
  listOrders,
  moveOrder,
  releaseQueryClaim,
  releaseOrder,
  unpaidOrdersSummary,
} from './queries';
import { toOrder } from './views';

/** Who orders: the session's user, with where their simulated receipts go (masked, as the inbox shows it). */
export interface Orderer {
  id: string;
  /** The payer's openid under the merchant's appid (WeChat Pay JSAPI needs one). */
  payerOpenid: string;
  receiptSmsTo: string | null;
  receiptEmailTo: string | null;
}

export interface OrdersService {
  options(userId: string, cardId: string, lang: Language): Promise<TopupOptions>;
  create(user: Orderer, input: CreateOrderRequest, idempotencyKey: string | undefined, lang: Language): Promise<Order>;
  /** The newest orders, of one card if `cardId` is given, only those that can still be paid if `unpaid`. */
  list(userId: string, filter: { cardId?: string; unpaid?: boolean }): Promise<OrderList>;
  get(userId: string, id: string): Promise<Order>;
  /** Starts (or restarts) paying an unpaid order at its provider; returns the client's parameters. */
  pay(user: Orderer, id: string, lang: Language): Promise<{ payment: PaymentParams; order: Order }>;
  cancel(userId: string, id: string, lang: Language): Promise<Order>;
  /** What notify routes call once a notification is verified. */
  applyProviderTrade(trade: ProviderTrade): Promise<PaymentNotificationOutcome>;
  /** Asks the provider where an order stands and applies the answer (after a declined cashier, in jobs). */
  reconcile(id: string): Promise<Order | undefined>;
  /** Background work, each step claimed so no two runners handle one order; returns how many orders moved. */
  creditDue(now: Date): Promise<number>;
  closeExpired(now: Date): Promise<number>;
  queryPaying(now: Date): Promise<number>;
}

export interface OrdersServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: TopupConfig;
  cards: CardsService;
  ledger: LedgerService;
  messages: MessagesService;
  providerFor: (method: PaymentMethod) => PaymentProvider;
  log: FastifyBaseLogger;
}

const JOB_BATCH = 100;
/** A provider call holds its order this long at most; a crashed runner's claim lapses after it. */
const CLAIM_MS = 30_000;
/** A paying order is asked about again after these many seconds, then every last one. */
const LAST_QUERY_BACKOFF = 300;
const QUERY_BACKOFF_SECONDS = [10, 20, 30, 60, 120, LAST_QUERY_BACKOFF] as const;

function requestHash(input: CreateOrderRequest): string {
  const canonical = JSON.stringify([input.cardId, input.amountMinor, input.method, input.promotionId ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

function declineReason(trade: ProviderTrade): OrderEndReason {
  return /余额不足|insufficient|NOT_ENOUGH/i.test(trade.stateDesc ?? '') ? 'insufficient_funds' : 'payment_error';
}

export function createOrdersService(deps: OrdersServiceDeps): OrdersService {
  const { db, clock, config, cards, ledger, messages, providerFor, log } = deps;

  const mustFind = async (userId: string, id: string) => {
    const row = await findOrder(db, userId, id);
    if (!row) throw new OrderNotFoundError();
    return row;
  };

  const monthlyUsed = (cardId: string, now: Date) => orderedInMonth(db, cardId, capMonthOf(now));

  /** The line on the payer's bill (≤ 127 characters for WeChat Pay): card, its last digits, amount. */
  const describe = (row: OrderRow) =>
    `${CARDS[row.cardType].name[row.lang]} ${row.cardNumberMasked.slice(-4)} · ${formatMoney(
      money(Number(row.amountMinor), row.currency),
    )}`.slice(0, 127);

  const sendReceipts = async (trx: Kysely<Database>, row: OrderRow, receiptNo: string, at: Date, balance: number) => {
    const lang = row.lang;
    const currency = row.currency;
    const receipt = {
      cardType: row.cardType,
      number: row.cardNumberMasked,
      at: at.toISOString(),
      amount: money(Number(row.amountMinor), currency),
      bonus: money(Number(row.bonusMinor), currency),
      total: money(Number(row.totalMinor), currency),
      balance: money(balance, currency),
      method: row.method,
      receiptNo,
      outTradeNo: row.outTradeNo,
      transactionId: row.transactionId ?? '',
    };
    if (row.receiptSmsTo) {
      await messages.send(
        {
          notice: { kind: 'topup_sms', ...receipt },
          channel: 'sms',
          to: row.receiptSmsTo,
          lang,
          userId: row.userId,
        },
        trx,
      );
    }
    if (row.receiptEmailTo) {
      await messages.send(
        {
          notice: { kind: 'topup_email', ...receipt },
          channel: 'email',
          to: row.receiptEmailTo,
          lang,
          userId: row.userId,
        },
        trx,
      );
    }
  };

  /**
   * paid → credited, the ledger entries, the balance and the receipts in one transaction: either all
   * happen or none. The conditional move makes a second attempt a no-op before the ledger is touched.
   * On SQLite, credits asked for together (notifications delivered in one job run) commit together.
   */
  const credit = async (id: string): Promise<boolean> => {
    return inGroupCommit(db, async (trx) => {
      const row = await claimPaidOrder(trx, id);
      return row ? creditPaidRow(trx, row) : false;
    });
  };

  /** The crediting itself, in the caller's transaction, which holds the paid order `row`. */
  const creditPaidRow = async (trx: Kysely<Database>, row: OrderRow): Promise<boolean> => {
    const id = row.id;
    // Read after the card's lock, so entries' times follow the order in which its balance moved and a
    // history cursor already handed out can never have a newer entry appear behind it.
    await ledger.lockCard(trx, row.cardId);
    const at = clock();
    const receiptNo = newReceiptNo(at);
    const moved = await moveOrder(trx, id, 'credited', {
      creditedAt: at.toISOString(),
      receiptNo,
      claimedUntil: null,
    });
    if (!moved) return false;
    const { credited, balanceMinor } = await ledger.creditOrder(trx, {
      orderId: row.id,
      cardId: row.cardId,
      userId: row.userId,
      currency: row.currency,
      amountMinor: Number(row.amountMinor),
      bonusMinor: Number(row.bonusMinor),
      cardType: row.cardType,
      cardNumberMasked: row.cardNumberMasked,
      receiptNo,
      method: row.method,
      at,
    });
    if (!credited) {
      // The ledger already holds this order: the state said otherwise, so say it loudly.
      log.error({ orderId: id }, 'order had ledger entries before it was credited');
      return true;
    }
    if (balanceMinor !== null) await sendReceipts(trx, row, receiptNo, at, balanceMinor);
    return true;
  };

  const markPaid = async (row: OrderRow, trade: ProviderTrade): Promise<PaymentNotificationOutcome> => {
    const now = clock();
    const paid = {
      transactionId: trade.transactionId,
      paidAt: trade.paidAt ?? now.toISOString(),
      creditDueAt: plusSeconds(now, config.creditDelaySeconds).toISOString(),
      nextQueryAt: null,
      // A query's claim guards the asking, not the crediting: a runner that dies now must not hold it up.
      claimedUntil: null,
    };
    const paidLog = { orderId: row.id, outTradeNo: row.outTradeNo };
    if (config.creditDelaySeconds > 0) {
      if (!(await moveOrder(db, row.id, 'paid', paid))) return 'already';
      log.info(paidLog, 'order paid');
      return 'applied';
    }
    // No delay: paid and credited in one transaction (group-committed on SQLite), which holds the order
    // from its move to paid, instead of a commit for each and a read of the order between them.
    const moved = await inGroupCommit(db, async (trx) => {
      if (!(await moveOrder(trx, row.id, 'paid', paid))) return false;
      await creditPaidRow(trx, { ...row, ...paid, state: 'paid' });
      return true;
    });
    if (!moved) return 'already';
    log.info(paidLog, 'order paid');
    return 'applied';
  };

  const apply = async (row: OrderRow, trade: ProviderTrade): Promise<PaymentNotificationOutcome> => {
    if (trade.state === 'SUCCESS') {
      if (Number(trade.amountMinor) !== Number(row.amountMinor) || trade.currency !== row.currency) {
        log.error(
          { orderId: row.id, expected: Number(row.amountMinor), reported: trade.amountMinor, currency: trade.currency },
          'provider reports another amount than the order: not applied',
        );
        return 'mismatch';
      }
      if (row.state === 'paid' || row.state === 'credited') return 'already';
      if (row.state !== 'paying') {
        // closed/failed → paid is not a move the state machine has: money taken for a dead order needs a person.
        log.error(
          { orderId: row.id, state: row.state },
          'payment reported for an order that cannot be paid: not applied',
        );
        return 'already';
      }
      return markPaid(row, trade);
    }
    if (trade.state === 'PAYERROR' && row.state === 'paying') {
      await endOrder(db, row, 'failed', {
        endReason: declineReason(trade),
        endedAt: clock().toISOString(),
        nextQueryAt: null,
      });
    } else if (trade.state === 'CLOSED' && isUnpaid(row.state)) {
      await endOrder(db, row, 'closed', {
        endReason: 'expired',
        endedAt: clock().toISOString(),
        nextQueryAt: null,
      });
    }
    return 'already';
  };

  const reconcileRow = async (row: OrderRow): Promise<void> => {
    const trade = await providerFor(row.method).query(row.outTradeNo);
    if (trade) await apply(row, trade);
  };

  const stateName = (state: OrderState, lang: Language) => ORDER_STATE_NAMES[state][lang];

  /** A new order, checked against the card, the rules, the promotion and the month's cap. */
  const createNew = async (
    user: Orderer,
    input: CreateOrderRequest,
    idempotencyKey: string | undefined,
    hash: string,
    lang: Language,
  ): Promise<Order> => {
    const now = clock();
    const card = await cards.orderable(user.id, input.cardId);
    if (card.verification !== 'verified') throw new CardNotVerifiedError();
    const rules = TOPUP_RULES[card.type];
    const show = (amountMinor: number) => formatMoney(money(amountMinor, rules.currency));
    const problem = checkTopupAmount(card.type, input.amountMinor);
    if (problem === 'not_whole_unit') throw new AmountError('AMOUNT_NOT_WHOLE_UNIT');
    if (problem === 'too_low') throw new AmountError('AMOUNT_TOO_LOW', { min: show(rules.minMinor) });
    if (problem === 'too_high') throw new AmountError('AMOUNT_TOO_HIGH', { max: show(rules.maxMinor) });
    if (!acceptsMethod(card.type, input.method)) throw new MethodNotAcceptedError(CARDS[card.type].name[lang]);
    const promotion = activePromotion(card.type, now);
    if (input.promotionId !== undefined && promotion?.id !== input.promotionId) throw new PromotionExpiredError();
    const bonusMinor = promotionBonus(promotion, input.amountMinor);
    const row: OrderRow = {
      id: randomUUID(),
      userId: user.id,
      cardId: card.id,
      cardType: card.type,
      cardNumberMasked: card.numberMasked,
      currency: rules.currency,
      amountMinor: input.amountMinor,
      bonusMinor,
      totalMinor: input.amountMinor + bonusMinor,
      method: input.method,
      promotionId: bonusMinor > 0 && promotion ? promotion.id : null,
      state: 'created',
      endReason: null,
      outTradeNo: newOutTradeNo(now),
      transactionId: null,
      idempotencyKey: idempotencyKey ?? null,
      requestHash: hash,
      lang,
      receiptSmsTo: user.receiptSmsTo,
      receiptEmailTo: user.receiptEmailTo,
      createdAt: now.toISOString(),
      expiresAt: plusSeconds(now, config.orderTtlMinutes * 60).toISOString(),
      payingAt: null,
      paidAt: null,
      creditDueAt: null,
      creditedAt: null,
      endedAt: null,
      receiptNo: null,
      nextQueryAt: null,
      claimedUntil: null,
    };
    // The insert checks again what may have changed since the card was read (unbound, or no longer the
    // user's) and the month's cap, in the statement that counts the order.
    if (!(await insertOrderUnderCap(db, row, rules.monthlyCapMinor))) {
      await cards.get(user.id, input.cardId);
      // Only a refused order reads the month's total: for the amount the message says is left.
      const used = await monthlyUsed(card.id, now);
      throw new MonthlyCapExceededError(show(Math.max(0, rules.monthlyCapMinor - used)));
    }
    log.info({ orderId: row.id, outTradeNo: row.outTradeNo, method: row.method }, 'order created');
    return toOrder(row);
  };

  return {
    async options(userId, cardId, lang) {
      const card = await cards.get(userId, cardId);
      const rules = TOPUP_RULES[card.type];
      const now = clock();
      const promotion = activePromotion(card.type, now);
      const used = await monthlyUsed(card.id, now);
      const unpaid = await unpaidOrdersSummary(db, card.id, now.toISOString());
      const m = (amountMinor: number) => money(amountMinor, rules.currency);
      return {
        cardId: card.id,
        cardType: card.type,
        cardNumberMasked: card.numberMasked,
        cardSample: card.sample,
        balance: card.balance,
        presets: rules.presetsMinor.map((amount) => ({
          amount: m(amount),
          bonus: m(promotionBonus(promotion, amount)),
        })),
        min: m(rules.minMinor),
        max: m(rules.maxMinor),
        monthlyCap: m(rules.monthlyCapMinor),
        monthlyUsed: m(used),
        monthlyRemaining: m(Math.max(0, rules.monthlyCapMinor - used)),
        promotion: promotion
          ? {
              id: promotion.id,
              name: promotion.name[lang],
              tiers: promotion.tiers.map((tier) => ({ minAmount: m(tier.minAmountMinor), bonus: m(tier.bonusMinor) })),
              startsAt: promotion.startsAt,
              endsAt: promotion.endsAt,
            }
          : null,
        methods: [...rules.methods],
        orderTtlMinutes: config.orderTtlMinutes,
        unpaid: { count: unpaid.count, latest: unpaid.latest ? toOrder(unpaid.latest) : null },
      };
    },

    async create(user, input, idempotencyKey, lang) {
      const hash = requestHash(input);
      // The key is looked up only when no new order could be made. A new order's insert cannot succeed
      // beside an earlier one with the same key (the unique index on user and key), so a request that goes
      // through had no earlier order, and one that fails for any reason (the key's index, a card unbound
      // or a month filled since, a database fault) answers with the earlier order when there is one: the
      // same answers as looking first, without a read on every order that is not a retry (issue 9).
      try {
        return await createNew(user, input, idempotencyKey, hash, lang);
      } catch (error) {
        if (idempotencyKey) {
          const earlier = await findOrderByIdempotencyKey(db, user.id, idempotencyKey);
          if (earlier && earlier.requestHash !== hash) throw new IdempotencyKeyReusedError();
          if (earlier) return toOrder(earlier);
        }
        throw error;
      }
    },

    async list(userId, { cardId, unpaid }) {
      const filter = { ...(cardId ? { cardId } : {}), ...(unpaid ? { payableAt: clock().toISOString() } : {}) };
      return { orders: (await listOrders(db, userId, filter)).map(toOrder) };
    },

    async get(userId, id) {
      return toOrder(await mustFind(userId, id));
    },

    async pay(user, id, lang) {
      const row = await mustFind(user.id, id);
      const now = clock();
      if (!isUnpaid(row.state) || Date.parse(row.expiresAt) <= now.getTime()) {
        throw new OrderNotPayableError(stateName(isUnpaid(row.state) ? 'closed' : row.state, lang));
      }
      let paying = row;
      if (row.state === 'created') {
        const changes = {
          payingAt: now.toISOString(),
          nextQueryAt: plusSeconds(now, config.paymentQueryAfterSeconds).toISOString(),
        };
        // Moved here, the order is what this request made it; otherwise another request moved it first.
        const moved = await moveOrder(db, row.id, 'paying', changes);
        paying = moved ? { ...row, ...changes, state: 'paying' } : await mustFind(user.id, id);
      }
      let payment: PaymentParams;
      try {
        payment = await providerFor(row.method).prepare({
          outTradeNo: row.outTradeNo,
          method: row.method,
          amountMinor: Number(row.amountMinor),
          currency: row.currency,
          description: describe(row),
          expiresAt: new Date(row.expiresAt),
          payer: { userId: user.id, openid: user.payerOpenid },
        });
      } catch (error) {
        if (error instanceof PaymentProviderError) {
          log.warn({ err: error, orderId: row.id }, 'payment provider unavailable');
          throw new PaymentUnavailableError();
        }
        throw error;
      }
      return { payment, order: toOrder(paying) };
    },

    async cancel(userId, id, lang) {
      const row = await mustFind(userId, id);
      if (!isUnpaid(row.state)) throw new OrderNotCancellableError(stateName(row.state, lang));
      if (row.state === 'paying') {
        // Closed at the provider first: a payment that slipped in before the close is then found and kept.
        let closed: Awaited<ReturnType<PaymentProvider['close']>>;
        try {
          closed = await providerFor(row.method).close(row.outTradeNo);
        } catch (error) {
          if (error instanceof PaymentProviderError) throw new PaymentUnavailableError();
          throw error;
        }
        if (closed === 'paid') {
          await reconcileRow(row);
          const now = await mustFind(userId, id);
          throw new OrderNotCancellableError(stateName(now.state, lang));
        }
      }
      const moved = await endOrder(db, row, 'closed', {
        endReason: 'cancelled',
        endedAt: clock().toISOString(),
        nextQueryAt: null,
      });
      const after = await mustFind(userId, id);
      if (!moved && after.state !== 'closed') throw new OrderNotCancellableError(stateName(after.state, lang));
      return toOrder(after);
    },

    async applyProviderTrade(trade) {
      const row = await findOrderByOutTradeNo(db, trade.outTradeNo);
      if (!row) return 'unknown_order';
      return apply(row, trade);
    },

    async reconcile(id) {
      const row = await findOrderById(db, id);
      if (!row) return undefined;
      await reconcileRow(row);
      const after = await findOrderById(db, id);
      return after ? toOrder(after) : undefined;
    },

    async creditDue(now) {
      const ids = await dueOrderIds(db, 'credit', now.toISOString(), JOB_BATCH);
      let moved = 0;
      for (const id of ids) if (await credit(id)) moved += 1;
      return moved;
    },

    async closeExpired(now) {
      const at = now.toISOString();
      const until = new Date(now.getTime() + CLAIM_MS).toISOString();
      const ids = await dueOrderIds(db, 'expiry', at, JOB_BATCH);
      let moved = 0;
      for (const id of ids) {
        if (!(await claimOrder(db, id, DUE_ORDERS.expiry.states, at, until))) continue;
        try {
          const row = await findOrderById(db, id);
          if (!row) continue;
          if (row.state === 'paying') {
            const closed = await providerFor(row.method).close(row.outTradeNo);
            if (closed === 'paid') {
              await reconcileRow(row);
              continue;
            }
          }
          if (
            await endOrder(db, row, 'closed', {
              endReason: 'expired',
              endedAt: at,
              nextQueryAt: null,
              claimedUntil: null,
            })
          )
            moved += 1;
        } catch (error) {
          // The provider is down: the claim lapses and the next run tries again.
          log.warn({ err: error, orderId: id }, 'closing an expired order failed; will retry');
          continue;
        } finally {
          await releaseOrder(db, id);
        }
      }
      return moved;
    },

    async queryPaying(now) {
      const at = now.toISOString();
      const until = new Date(now.getTime() + CLAIM_MS).toISOString();
      const ids = await dueOrderIds(db, 'query', at, JOB_BATCH);
      let moved = 0;
      for (const id of ids) {
        // Claimed, not postponed, while the provider is asked: a runner killed mid-query holds the order
        // for the claim's 30 s, not until the next step of the backoff (up to five minutes).
        if (!(await claimOrder(db, id, DUE_ORDERS.query.states, at, until))) continue;
        let next = plusSeconds(now, QUERY_BACKOFF_SECONDS[0]);
        try {
          const row = await findOrderById(db, id);
          if (!row?.payingAt) continue;
          const waited = (now.getTime() - Date.parse(row.payingAt)) / 1000;
          next = plusSeconds(now, QUERY_BACKOFF_SECONDS.find((seconds) => seconds > waited) ?? LAST_QUERY_BACKOFF);
          await reconcileRow(row);
          const after = await findOrderById(db, id);
          if (after && after.state !== row.state) moved += 1;
        } catch (error) {
          log.warn({ err: error, orderId: id }, 'querying a paying order failed; will retry');
        } finally {
          await releaseQueryClaim(db, id, next.toISOString());
        }
      }
      return moved;
    },
  };
}
