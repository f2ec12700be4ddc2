import { IDEMPOTENCY_KEY_HEADER, api, idempotencyKeySchema, type PaymentReply } from '@cbc/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contractRoute } from '../http/contract-route';
import { noStore } from '../http/no-store';
import { requestLanguage } from '../i18n/request-language';
import { currentUser } from '../plugins/auth';
import { IdempotencyKeyInvalidError } from './errors';

/** The optional `Idempotency-Key` header, validated: a malformed one is refused rather than ignored. */
function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) throw new IdempotencyKeyInvalidError();
  return parsed.data;
}

const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.ordersService;
  app.addHook('onRequest', noStore);

  app.route({
    ...contractRoute(app, api.getTopupOptions),
    handler: async (request) => service.options(currentUser(request).id, request.params.id, requestLanguage(request)),
  });

  app.route({
    ...contractRoute(app, api.createOrder, {
      description:
        'Send `Idempotency-Key` (8–64 of A–Z a–z 0–9 _ -): a retry with the same key and body returns the same ' +
        'order; the same key with another body is a 409. The client sends no price: amount, bonus and total ' +
        'are computed here from the card type’s rules.',
    }),
    handler: async (request, reply) => {
      const key = idempotencyKey(request);
      const order = await service.create(
        app.ordererOf(currentUser(request)),
        request.body,
        key,
        requestLanguage(request),
      );
      return reply.code(201).send(order);
    },
  });

  app.route({
    ...contractRoute(app, api.listOrders),
    handler: async (request) =>
      service.list(currentUser(request).id, {
        ...(request.query.cardId ? { cardId: request.query.cardId } : {}),
        unpaid: request.query.state === 'unpaid',
      }),
  });

  app.route({
    ...contractRoute(app, api.getOrder),
    handler: async (request) => service.get(currentUser(request).id, request.params.id),
  });

  app.route({
    ...contractRoute(app, api.payOrder),
    handler: async (request): Promise<PaymentReply> => {
      const user = app.ordererOf(currentUser(request));
      const lang = requestLanguage(request);
      const { payment, order } = await service.pay(user, request.params.id, lang);
      const cashier = await app.cashierService.sheet({ id: user.id, smsTo: user.receiptSmsTo }, order, lang);
      // Object.assign keeps the method ↔ params pairing that a spread would widen away.
      return Object.assign({}, payment, { order, cashier });
    },
  });

  app.route({
    ...contractRoute(app, api.cancelOrder),
    handler: async (request) => service.cancel(currentUser(request).id, request.params.id, requestLanguage(request)),
  });
};

export default ordersRoutes;
