import { z } from 'zod';
import { cardIdSchema } from '../cards/cards';
import { moneySchema } from '../money/money';
import { paymentMethodSchema } from '../topup/rules';
import { messageSchema } from './messages';
import { errorEnvelopeSchema } from './errors';
import { defineEndpoints } from './endpoint';
import { MONTH_TOTALS_MAX, routes } from './routes';

/**
 * History: every movement of a card's balance is a transaction (a ledger entry): a top-up, its
 * promotion bonus, or a simulated toll trip. Lists page with an opaque cursor; every receipt can be
 * sent again to the inbox; a card's history exports as CSV and summarises as a monthly statement.
 */

export const TRANSACTION_KINDS = ['topup', 'bonus', 'trip'] as const;
export const transactionKindSchema = z.enum(TRANSACTION_KINDS);
export type TransactionKind = z.infer<typeof transactionKindSchema>;

export const HISTORY_PAGE_DEFAULT = 20;
export const HISTORY_PAGE_MAX = 100;

export const transactionSchema = z
  .object({
    id: z.uuid(),
    cardId: z.uuid(),
    cardType: cardIdSchema,
    cardNumberMasked: z.string(),
    kind: transactionKindSchema,
    /** Signed: top-ups and bonuses in, trips out. */
    amount: moneySchema,
    /** Localized: the toll segment, or the payment method of a top-up. */
    title: z.string(),
    receiptNo: z.string(),
    /** The top-up order behind a top-up or bonus entry. */
    orderId: z.uuid().nullable(),
    method: paymentMethodSchema.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Transaction' });
export type Transaction = z.infer<typeof transactionSchema>;

export const transactionPageSchema = z
  .object({
    transactions: z.array(transactionSchema),
    /** Pass as `cursor` for the next (older) page; null when this is the last one. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'TransactionPage' });
export type TransactionPage = z.infer<typeof transactionPageSchema>;

/** A day in the cards' home time (UTC+8), `YYYY-MM-DD`. */
const daySchema = z.iso.date();

export const historyQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  /** One kind, or several separated by commas (`topup,bonus`). */
  kind: z
    .string()
    .regex(/^(topup|bonus|trip)(,(topup|bonus|trip))*$/)
    .optional(),
  /** First day included (UTC+8). */
  from: daySchema.optional(),
  /** Last day included (UTC+8). */
  to: daySchema.optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const transactionDetailSchema = transactionSchema
  .extend({
    /** Trips: the sample toll segment. */
    segment: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** Top-ups and bonuses: the order's numbers, as a real receipt shows them. */
    outTradeNo: z.string().nullable(),
    transactionId: z.string().nullable(),
    /** The card's balance right after this entry. */
    balanceAfter: moneySchema,
  })
  .meta({ id: 'TransactionDetail' });
export type TransactionDetail = z.infer<typeof transactionDetailSchema>;

export const resendRequestSchema = z.strictObject({ channel: z.enum(['sms', 'email']) });
export const resendReplySchema = z.object({ message: messageSchema }).meta({ id: 'ResendReply' });

export const statementSchema = z
  .object({
    cardId: z.uuid(),
    cardType: cardIdSchema,
    cardNumberMasked: z.string(),
    /** `YYYY-MM`, a calendar month in UTC+8. */
    month: z.string(),
    opening: moneySchema,
    closing: moneySchema,
    totalIn: moneySchema,
    totalOut: moneySchema,
    transactions: z.array(transactionSchema),
  })
  .meta({ id: 'Statement' });
export type Statement = z.infer<typeof statementSchema>;

const MONTH = String.raw`\d{4}-(0[1-9]|1[0-2])`;
const monthParamSchema = z.string().regex(new RegExp(`^${MONTH}$`));

export const monthTotalsQuerySchema = z.object({
  /** `YYYY-MM` months (UTC+8), separated by commas, up to MONTH_TOTALS_MAX. */
  months: z.string().regex(new RegExp(`^${MONTH}(,${MONTH}){0,${MONTH_TOTALS_MAX - 1}}$`)),
});
export type MonthTotalsQuery = z.infer<typeof monthTotalsQuerySchema>;

export const monthTotalsSchema = z
  .object({
    cardId: z.uuid(),
    /** In the order asked, each month once. */
    months: z.array(z.object({ month: monthParamSchema, totalIn: moneySchema, totalOut: moneySchema })),
  })
  .meta({ id: 'MonthTotals' });
export type MonthTotals = z.infer<typeof monthTotalsSchema>;

export const allMonthTotalsSchema = z
  .object({
    /** In the order asked, each month once; a month's lines one per currency that moved, CNY first. */
    months: z.array(
      z.object({
        month: monthParamSchema,
        totals: z.array(z.object({ totalIn: moneySchema, totalOut: moneySchema })),
      }),
    ),
  })
  .meta({ id: 'AllMonthTotals' });
export type AllMonthTotals = z.infer<typeof allMonthTotalsSchema>;

const cardParams = z.object({ id: z.uuid() });
const errors = { 400: errorEnvelopeSchema, 401: errorEnvelopeSchema, 404: errorEnvelopeSchema };

export const historyEndpoints = defineEndpoints({
  listCardTransactions: {
    ...routes.listCardTransactions,
    summary: "One card's transactions, newest first, with cursor, kind and date filters",
    tags: ['history'],
    params: cardParams,
    query: historyQuerySchema,
    responses: { 200: transactionPageSchema, ...errors },
  },
  listTransactions: {
    ...routes.listTransactions,
    summary: 'Transactions of all my cards, newest first, with cursor, kind and date filters',
    tags: ['history'],
    query: historyQuerySchema,
    responses: { 200: transactionPageSchema, ...errors },
  },
  getTransaction: {
    ...routes.getTransaction,
    summary: 'One transaction with its receipt',
    tags: ['history'],
    params: z.object({ id: z.uuid() }),
    responses: { 200: transactionDetailSchema, ...errors },
  },
  resendReceipt: {
    ...routes.resendReceipt,
    summary: 'Send the receipt again to the inbox, as a simulated SMS or e-mail',
    tags: ['history'],
    params: z.object({ id: z.uuid() }),
    body: resendRequestSchema,
    responses: { 200: resendReplySchema, 409: errorEnvelopeSchema, ...errors },
  },
  getStatement: {
    ...routes.getStatement,
    summary: "A card's monthly statement: opening and closing balance, totals in and out, every entry",
    tags: ['history'],
    params: z.object({ id: z.uuid(), month: monthParamSchema }),
    responses: { 200: statementSchema, ...errors },
  },
  getMonthTotals: {
    ...routes.getMonthTotals,
    summary: "A card's totals in and out for each month asked: a chart's or a list's figures in one call",
    tags: ['history'],
    params: cardParams,
    query: monthTotalsQuerySchema,
    responses: { 200: monthTotalsSchema, ...errors },
  },
  getAllMonthTotals: {
    ...routes.getAllMonthTotals,
    summary: 'Totals in and out of all my cards for each month asked, one line per currency',
    tags: ['history'],
    query: monthTotalsQuerySchema,
    responses: { 200: allMonthTotalsSchema, ...errors },
  },
});

/** Not JSON, so not in the typed endpoint map: `GET /api/v1/cards/:id/transactions.csv?from&to&lang`. */
export const TRANSACTIONS_CSV_PATH = '/api/v1/cards/:id/transactions.csv';
