import {
  MONTH_TOTALS_MAX,
  TRANSACTIONS_CSV_PATH,
  api,
  errorEnvelopeSchema,
  historyQuerySchema,
  languageSchema,
  type Endpoint,
  type HistoryQuery,
  type Language,
  type TransactionPage,
} from '@cbc/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contractRoute } from '../http/contract-route';
import { noStore } from '../http/no-store';
import { okReplyJson } from '../http/serializer-compiler';
import { sendStoredJson } from '../http/stored-json';
import { requestLanguage } from '../i18n/request-language';
import { authHooks, currentUser } from '../plugins/auth';
import { describeEndpoint } from '../plugins/openapi';
import { csvContentDisposition } from './csv';
import { createHistoryService } from './service';

/** The CSV export is a file, not JSON, so it has no typed contract: its schemas are declared here. */
const csvExport = {
  summary: "One card's transactions as CSV (UTF-8 with BOM, opens in Excel), for a date range",
  tags: ['history'],
  auth: 'required',
} satisfies Pick<Endpoint, 'summary' | 'tags' | 'auth'>;
const csvParams = z.object({ id: z.uuid() });
const csvQuery = historyQuerySchema.pick({ from: true, to: true }).extend({ lang: languageSchema.optional() });

/**
 * A history page's key among the user's kept replies: the list, every part of the checked query that
 * shapes the page (the contract allows no other), and the language its titles are in.
 */
function pageReplyKey(list: string, query: HistoryQuery, lang: Language): string {
  const { cursor, kind, from, to, limit } = query;
  return JSON.stringify(['history', list, cursor ?? null, kind ?? null, from ?? null, to ?? null, limit ?? null, lang]);
}

const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  // Composed here from the decorated services (features talk through them, never through each other's tables).
  const service = createHistoryService({
    ledger: app.ledgerService,
    cards: app.cardsService,
    orders: app.ordersService,
    messages: app.messagesService,
  });
  app.addHook('onRequest', noStore);

  const pageDescription =
    'Newest first by time, then id. Pass the reply’s `nextCursor` as `cursor` for the next (older) page: ' +
    'entries added meanwhile are newer than the cursor, so they never shift later pages (nothing repeats, ' +
    'nothing is skipped); pull to refresh to see them. A cursor is bound to the list it came from: one ' +
    'from another card, another user or the other list is refused (400 `CURSOR_INVALID`). `kind`: ' +
    '`topup`, `bonus`, `trip` or several with commas; `from`/`to`: days in UTC+8, both included; ' +
    '`limit`: 1–100, default 20.';

  /**
   * A page kept with the user's card list until a card or ledger entry of theirs changes, or made by `load`
   * and kept; compressed once when a client asks, not by the plugin each time.
   */
  const sendPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    endpoint: typeof api.listCardTransactions | typeof api.listTransactions,
    list: string,
    query: HistoryQuery,
    load: (userId: string, lang: Language) => Promise<TransactionPage>,
  ) => {
    const userId = currentUser(request).id;
    const lang = requestLanguage(request);
    const page = await app.cardOwnerReplies.reply(userId, pageReplyKey(list, query, lang), async () => ({
      json: okReplyJson(endpoint, await load(userId, lang)),
      compression: 'quick',
    }));
    return sendStoredJson(request, reply, page);
  };

  app.route({
    ...contractRoute(app, api.listCardTransactions, { description: pageDescription }),
    compress: false,
    handler: async (request, reply) =>
      sendPage(request, reply, api.listCardTransactions, `card:${request.params.id}`, request.query, (userId, lang) =>
        service.listCard(userId, request.params.id, request.query, lang),
      ),
  });

  app.route({
    ...contractRoute(app, api.listTransactions, { description: pageDescription }),
    compress: false,
    handler: async (request, reply) =>
      sendPage(request, reply, api.listTransactions, 'all', request.query, (userId, lang) =>
        service.listAll(userId, request.query, lang),
      ),
  });

  app.route({
    ...contractRoute(app, api.getTransaction, {
      description:
        'The receipt of one entry: order numbers (`outTradeNo`, `transactionId`) for a top-up or bonus, the ' +
        'segment for a trip, and the card’s balance right after the entry.',
    }),
    handler: async (request) => service.get(currentUser(request).id, request.params.id, requestLanguage(request)),
  });

  app.route({
    ...contractRoute(app, api.resendReceipt, {
      description:
        'Writes the receipt into the inbox again as a simulated SMS to the account’s phone or e-mail to its ' +
        'address (409 `RECIPIENT_MISSING` when the account has none).',
    }),
    handler: async (request) =>
      service.resend(
        app.ordererOf(currentUser(request)),
        request.params.id,
        request.body.channel,
        requestLanguage(request),
      ),
  });

  app.route({
    ...contractRoute(app, api.getStatement, {
      description:
        'A calendar month in UTC+8: opening balance (every entry before the month), totals in and out, closing ' +
        'balance (opening + in − out) and the month’s entries, newest first.',
    }),
    handler: async (request) =>
      service.statement(currentUser(request).id, request.params.id, request.params.month, requestLanguage(request)),
  });

  app.route({
    ...contractRoute(app, api.getMonthTotals, {
      description:
        'Totals in and out of one card for each month named in `months` (`YYYY-MM`, UTC+8, comma-separated, up ' +
        `to ${MONTH_TOTALS_MAX}), in the order asked, each month once: the same figures as each month's ` +
        'statement, without its entries.',
    }),
    handler: async (request) =>
      service.monthTotals(currentUser(request).id, request.params.id, request.query.months.split(',')),
  });

  app.route({
    ...contractRoute(app, api.getAllMonthTotals, {
      description:
        'Totals in and out of all my cards for each month named in `months` (as for one card), one line per ' +
        'currency that moved that month (CNY and HKD never add up), CNY first; a month with no entries has ' +
        'no lines. Entries of cards since unbound count, as they stay in the history.',
    }),
    handler: async (request) => service.allMonthTotals(currentUser(request).id, request.query.months.split(',')),
  });

  app.route({
    method: 'GET',
    url: TRANSACTIONS_CSV_PATH,
    schema: {
      ...describeEndpoint(csvExport),
      description:
        'Replies `text/csv; charset=utf-8` as an attachment: a UTF-8 byte-order mark (so Excel reads Chinese), ' +
        'RFC 4180 quoting, CRLF line ends, a header row in the request’s language, newest entry first. ' +
        'Amounts are decimal strings (`-65.00`) with a currency column; times are `YYYY-MM-DD HH:mm` in UTC+8. ' +
        '`from`/`to`: days in UTC+8, both included, either may be left out. Errors are the JSON envelope.',
      params: csvParams,
      querystring: csvQuery,
      response: {
        200: { description: 'The CSV file', content: { 'text/csv': { schema: z.string() } } },
        400: errorEnvelopeSchema,
        401: errorEnvelopeSchema,
        404: errorEnvelopeSchema,
      },
    },
    onRequest: authHooks(app, csvExport),
    handler: async (request, reply) => {
      const lang = requestLanguage(request);
      const { from, to } = request.query;
      const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const { csv, cardNumberMasked } = await service.exportCsv(
        currentUser(request).id,
        request.params.id,
        range,
        lang,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', csvContentDisposition(cardNumberMasked, range, lang))
        .send(csv);
    },
  });
};

export default historyRoutes;
