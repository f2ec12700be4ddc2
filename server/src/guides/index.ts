import { api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isClientCopyFresh, notModifiedResponse } from '../http/cacheable';
import { contractRoute } from '../http/contract-route';
import { requestLanguage } from '../i18n/request-language';
import { channelContents, guideContents } from './content/index';
import { createGuidesService, type GuidesService } from './service';

export interface GuidesRoutesOptions {
  /** Tests may pass a service over fixture content; the real content is the default. */
  service?: GuidesService;
}

const guidesRoutes: FastifyPluginAsyncZod<GuidesRoutesOptions> = async (app, options) => {
  const service = options.service ?? createGuidesService(guideContents, channelContents);
  const { listGuides, getGuide, listChannels } = api;
  // Guide content is immutable between deploys: every route answers a conditional GET with 304.
  const cacheable = { response: notModifiedResponse };

  app.route({
    ...contractRoute(app, listGuides, cacheable),
    handler: async (request, reply) => {
      const { value, etag } = service.listGuides(request.query.card, requestLanguage(request));
      if (isClientCopyFresh(request, reply, etag)) return reply.code(304).send();
      return reply.send(value);
    },
  });

  app.route({
    ...contractRoute(app, getGuide, cacheable),
    handler: async (request, reply) => {
      const { value, etag } = service.getGuide(request.params.slug, requestLanguage(request));
      if (isClientCopyFresh(request, reply, etag)) return reply.code(304).send();
      return reply.send(value);
    },
  });

  app.route({
    ...contractRoute(app, listChannels, cacheable),
    handler: async (request, reply) => {
      const { value, etag } = service.listChannels(request.query.card, requestLanguage(request));
      if (isClientCopyFresh(request, reply, etag)) return reply.code(304).send();
      return reply.send(value);
    },
  });
};

export default guidesRoutes;
