import {
  HISTORY_PAGE_DEFAULT,
  cardDay,
  cardMonth,
  historyText,
  money,
  type HistoryQuery,
  type Language,
  type AllMonthTotals,
  type Message,
  type MonthTotals,
  type Notice,
  type Statement,
  type TransactionDetail,
  type TransactionKind,
  type TransactionPage,
} from '@cbc/shared';
import type { CardsService } from '../cards/service';
import type { LedgerEntryRow } from '../db/schema/index';
import type { HistoryScope } from '../ledger/history';
import type { LedgerService } from '../ledger/service';
import type { MessagesService } from '../messages/service';
import type { Orderer, OrdersService } from '../orders/service';
import { transactionsCsv } from './csv';
import { DateRangeInvalidError, RecipientMissingError, TransactionNotFoundError } from './errors';
import { segmentName, toTransaction } from './views';

/** The days a CSV export covers, both optional, inclusive, in UTC+8. */
export interface DayRange {
  from?: string;
  to?: string;
}

export interface HistoryService {
  listCard(userId: string, cardId: string, query: HistoryQuery, lang: Language): Promise<TransactionPage>;
  listAll(userId: string, query: HistoryQuery, lang: Language): Promise<TransactionPage>;
  get(userId: string, id: string, lang: Language): Promise<TransactionDetail>;
  /** Writes the entry's receipt into the inbox again, as an SMS or an e-mail to the account's own address. */
  resend(user: Orderer, id: string, channel: 'sms' | 'email', lang: Language): Promise<{ message: Message }>;
  statement(userId: string, cardId: string, month: string, lang: Language): Promise<Statement>;
  /** The card's totals in and out for each month (`YYYY-MM`, UTC+8), in the order given, each once. */
  monthTotals(userId: string, cardId: string, months: readonly string[]): Promise<MonthTotals>;
  /** All of the user's cards' totals for each month, one line per currency, in the order given, each once. */
  allMonthTotals(userId: string, months: readonly string[]): Promise<AllMonthTotals>;
  /** A card's entries in the range as CSV, and the card's masked number for the file name. */
  exportCsv(
    userId: string,
    cardId: string,
    range: DayRange,
    lang: Language,
  ): Promise<{ csv: string; cardNumberMasked: string }>;
}

export interface HistoryServiceDeps {
  ledger: LedgerService;
  cards: CardsService;
  orders: OrdersService;
  messages: MessagesService;
}

/**
 * One figure per month (`YYYY-MM`, UTC+8), in the order given, each month once, from its instant range.
 * One after the other: up to 24 indexed sums from one request should not take the whole pool.
 */
async function eachMonth<T>(
  months: readonly string[],
  figure: (month: string, since: string, until: string) => Promise<T>,
): Promise<T[]> {
  const figures: T[] = [];
  for (const month of new Set(months)) {
    const { start, end } = cardMonth(month);
    figures.push(await figure(month, start.toISOString(), end.toISOString()));
  }
  return figures;
}

/** `from`/`to` days (UTC+8, both included) as the ledger's half-open instant range. */
function instantRange(range: DayRange): { since?: string; until?: string } {
  // Same-length ISO dates compare as text in calendar order.
  if (range.from && range.to && range.from > range.to) throw new DateRangeInvalidError();
  return {
    ...(range.from ? { since: cardDay(range.from).start.toISOString() } : {}),
    ...(range.to ? { until: cardDay(range.to).end.toISOString() } : {}),
  };
}

function kindsOf(kind: string | undefined): TransactionKind[] | undefined {
  // The contract's pattern already allows only known kinds; a repeated one is harmless and dropped.
  return kind ? [...new Set(kind.split(',') as TransactionKind[])] : undefined;
}

/** The latest of entries in (created_at, id) order: the one whose balance-after includes all the others. */
function latest(entries: readonly LedgerEntryRow[]): LedgerEntryRow | undefined {
  return entries.reduce<LedgerEntryRow | undefined>(
    (last, e) =>
      !last || e.createdAt > last.createdAt || (e.createdAt === last.createdAt && e.id > last.id) ? e : last,
    undefined,
  );
}

export function createHistoryService(deps: HistoryServiceDeps): HistoryService {
  const { ledger, cards, orders, messages } = deps;

  const page = async (scope: HistoryScope, query: HistoryQuery, lang: Language): Promise<TransactionPage> => {
    const kinds = kindsOf(query.kind);
    const result = await ledger.page({
      scope,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
      ...(kinds ? { kinds } : {}),
      ...instantRange(query),
      limit: query.limit ?? HISTORY_PAGE_DEFAULT,
    });
    return { transactions: result.entries.map((row) => toTransaction(row, lang)), nextCursor: result.nextCursor };
  };

  const mustFind = async (userId: string, id: string) => {
    const row = await ledger.findEntry(userId, id);
    if (!row) throw new TransactionNotFoundError();
    return row;
  };

  /** The inbox notice of a receipt, with the same figures the original one had. */
  const receiptNotice = async (userId: string, row: LedgerEntryRow, channel: 'sms' | 'email'): Promise<Notice> => {
    const base = {
      cardType: row.cardType,
      number: row.cardNumberMasked,
      at: row.createdAt,
      receiptNo: row.receiptNo,
    };
    const m = (amountMinor: number) => money(amountMinor, row.currency);
    if (row.kind === 'trip' || !row.orderId) {
      return {
        kind: 'trip_receipt',
        ...base,
        segmentId: row.segmentId,
        fee: m(-Number(row.amountMinor)),
        balance: m(await ledger.balanceAfter(row)),
      };
    }
    // A top-up and its bonus share one receipt: it shows the order's figures and the balance after both.
    const order = await orders.get(userId, row.orderId);
    const last = latest(await ledger.orderEntries(row.orderId)) ?? row;
    return {
      kind: channel === 'sms' ? 'topup_sms' : 'topup_email',
      ...base,
      amount: order.amount,
      bonus: order.bonus,
      total: order.total,
      balance: m(await ledger.balanceAfter(last)),
      method: order.method,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId ?? '',
    };
  };

  return {
    async listCard(userId, cardId, query, lang) {
      await cards.assertOwned(userId, cardId);
      return page({ kind: 'card', id: cardId }, query, lang);
    },

    listAll: (userId, query, lang) => page({ kind: 'user', id: userId }, query, lang),

    async get(userId, id, lang) {
      const row = await mustFind(userId, id);
      const [order, balanceAfter] = await Promise.all([
        row.orderId ? orders.get(userId, row.orderId) : undefined,
        ledger.balanceAfter(row),
      ]);
      return {
        ...toTransaction(row, lang),
        segment: row.kind === 'trip' && row.segmentId ? { id: row.segmentId, name: segmentName(row, lang) } : null,
        outTradeNo: order?.outTradeNo ?? null,
        transactionId: order?.transactionId ?? null,
        balanceAfter: money(balanceAfter, row.currency),
      };
    },

    async resend(user, id, channel, lang) {
      const row = await mustFind(user.id, id);
      const to = channel === 'sms' ? user.receiptSmsTo : user.receiptEmailTo;
      if (!to) throw new RecipientMissingError(historyText(lang, `channel.${channel}`));
      const notice = await receiptNotice(user.id, row, channel);
      return { message: await messages.send({ notice, channel, to, lang, userId: user.id }) };
    },

    async statement(userId, cardId, month, lang) {
      const card = await cards.get(userId, cardId);
      const { start, end } = cardMonth(month);
      const since = start.toISOString();
      const [opening, rows] = await Promise.all([
        ledger.balanceBefore(card.id, since),
        ledger.entries({ scope: { kind: 'card', id: card.id }, since, until: end.toISOString() }),
      ]);
      let totalIn = 0;
      let totalOut = 0;
      for (const row of rows) {
        const amount = Number(row.amountMinor);
        if (amount >= 0) totalIn += amount;
        else totalOut -= amount;
      }
      const m = (amountMinor: number) => money(amountMinor, card.balance.currency);
      return {
        cardId: card.id,
        cardType: card.type,
        cardNumberMasked: card.numberMasked,
        month,
        opening: m(opening),
        closing: m(opening + totalIn - totalOut),
        totalIn: m(totalIn),
        totalOut: m(totalOut),
        transactions: rows.map((row) => toTransaction(row, lang)),
      };
    },

    async monthTotals(userId, cardId, months) {
      const card = await cards.get(userId, cardId);
      const m = (amountMinor: number) => money(amountMinor, card.balance.currency);
      const totals = await eachMonth(months, async (month, since, until) => {
        const sums = await ledger.inOut(card.id, since, until);
        return { month, totalIn: m(sums.in), totalOut: m(sums.out) };
      });
      return { cardId: card.id, months: totals };
    },

    async allMonthTotals(userId, months) {
      const totals = await eachMonth(months, async (month, since, until) => {
        const lines = await ledger.inOutByCurrency(userId, since, until);
        return {
          month,
          totals: lines.map((line) => ({
            totalIn: money(line.in, line.currency),
            totalOut: money(line.out, line.currency),
          })),
        };
      });
      return { months: totals };
    },

    async exportCsv(userId, cardId, range, lang) {
      const card = await cards.get(userId, cardId);
      const rows = await ledger.entries({ scope: { kind: 'card', id: card.id }, ...instantRange(range) });
      return {
        csv: transactionsCsv(
          rows.map((row) => toTransaction(row, lang)),
          lang,
        ),
        cardNumberMasked: card.numberMasked,
      };
    },
  };
}
