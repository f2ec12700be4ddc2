import { api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contractRoute } from '../http/contract-route';
import { noStore } from '../http/no-store';
import { requestLanguage } from '../i18n/request-language';
import { currentUser } from '../plugins/auth';

/** The simulated cashier's practice routes: the payer's side of the sheet. */
const cashierRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.cashierService;
  app.addHook('onRequest', noStore);

  app.route({
    ...contractRoute(app, api.sendCashierCode),
    handler: async (request) => {
      const user = app.ordererOf(currentUser(request));
      return service.sendCode({ id: user.id, smsTo: user.receiptSmsTo }, request.params.id, requestLanguage(request));
    },
  });

  app.route({
    ...contractRoute(app, api.confirmCashier),
    handler: async (request) => {
      const user = app.ordererOf(currentUser(request));
      return service.confirm(
        { id: user.id, smsTo: user.receiptSmsTo },
        request.params.id,
        request.body,
        requestLanguage(request),
      );
    },
  });
};

export default cashierRoutes;
