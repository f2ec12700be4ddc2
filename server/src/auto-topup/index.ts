import { api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contractRoute } from '../http/contract-route';
import { noStore } from '../http/no-store';
import { requestLanguage } from '../i18n/request-language';
import { currentUser } from '../plugins/auth';

const autoTopupRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.autoTopupService;
  app.addHook('onRequest', noStore);

  app.route({
    ...contractRoute(app, api.getAutoTopup),
    handler: async (request) => service.get(currentUser(request).id, request.params.id),
  });

  app.route({
    ...contractRoute(app, api.setAutoTopup, {
      description:
        'Off by default. On: `amountMinor` must be one of the card type’s presets and `method` one of its ' +
        'methods. When a trip leaves the balance under the reminder threshold, one top-up of that preset is ' +
        'ordered and paid under a standing agreement (no password or code), at most once per UTC+8 day, ' +
        'credited and receipted like a manual one and announced in the inbox (`auto_topup`).',
    }),
    handler: async (request) =>
      service.set(currentUser(request).id, request.params.id, request.body, requestLanguage(request)),
  });
};

export default autoTopupRoutes;
