import { api, recipientOf } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contractRoute } from '../http/contract-route';
import { noStore } from '../http/no-store';
import { requestLanguage } from '../i18n/request-language';
import { currentUser } from '../plugins/auth';

const tripsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.tripsService;
  // Balances and reminders change with every trip and top-up: never cached.
  app.addHook('onRequest', noStore);

  app.route({
    ...contractRoute(app, api.createTrip, {
      description:
        'The fee comes from the sample segment list of the card type, never from the client. The debit is ' +
        'one conditional atomic update: with too little balance the trip is declined (409 ' +
        '`INSUFFICIENT_BALANCE` with the shortfall) and nothing is written. When the trip takes the balance ' +
        'under the reminder threshold, one `low_balance` notice goes to the inbox and `reminderSent` is true.',
    }),
    handler: async (request, reply) => {
      const user = currentUser(request);
      const trip = await service.create(
        {
          id: user.id,
          smsTo: app.ordererOf(user).receiptSmsTo,
          appTo: recipientOf(user),
          orderer: app.ordererOf(user),
        },
        request.params.id,
        request.body,
        requestLanguage(request),
      );
      return reply.code(201).send(trip);
    },
  });

  app.route({
    ...contractRoute(app, api.getReminder),
    handler: async (request) => service.getReminder(currentUser(request).id, request.params.id),
  });

  app.route({
    ...contractRoute(app, api.setReminder),
    handler: async (request) => service.setReminder(currentUser(request).id, request.params.id, request.body),
  });
};

export default tripsRoutes;
