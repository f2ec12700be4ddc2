import { api } from '@cbc/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contractRoute } from '../http/contract-route';
import { requireDeviceId } from '../http/device-id';
import { noStore } from '../http/no-store';
import { requestLanguage } from '../i18n/request-language';
import type { InboxOwner } from './service';

/** A logged-in user reads their inbox; before login a device reads the simulated SMS sent to it. */
function ownerOf(request: FastifyRequest): InboxOwner {
  return request.auth ? { userId: request.auth.user.id } : { deviceId: requireDeviceId(request) };
}

const deviceNote = 'Without a token, send `x-device-id`: the device’s simulated SMS that belong to no account yet.';

const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { listMessages, markMessagesRead } = api;
  const service = app.messagesService;
  app.addHook('onRequest', noStore);

  app.route({
    ...contractRoute(app, listMessages, { description: deviceNote }),
    // Rendered in the reader's language, whatever language each message was sent in.
    handler: async (request) => service.list(ownerOf(request), requestLanguage(request)),
  });

  app.route({
    ...contractRoute(app, markMessagesRead, { description: deviceNote }),
    handler: async (request) => service.markRead(ownerOf(request), request.body.ids, requestLanguage(request)),
  });
};

export default messagesRoutes;
