import { api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isClientCopyFresh, notModifiedResponse } from '../http/cacheable';
import { requestLanguage } from '../i18n/request-language';
import { channelContents, guideContents } from './content/index';
import { createGuidesService, type GuidesService } from './service';
import { describeEndpoint } from '../plugins/openapi';

export interface GuidesRoutesOptions {
  /** Tests may pass a service over fixture content; the real content is the default. */
  service?: GuidesService;
}

const guidesRoutes: FastifyPluginAsyncZod<GuidesRoutesOptions> = async (app, options) => {
  const service = options.service ?? createGuidesService(guideContents, channelContents);
  const { listGuides, getGuide, listChannels } = api;

  app.get(
    listGuides.path,
    {
      schema: {
        ...describeEndpoint(listGuides),
        querystring: listGuides.query,
        response: { ...listGuides.responses, ...notModifiedResponse },
      },
    },
    async (request, reply) => {
      const { value, etag } = service.listGuides(request.query.card, requestLanguage(request));
      if (isClientCopyFresh(request, reply, etag)) return reply.code(304).send();
      return reply.send(value);
    },
  );

  app.get(
    getGuide.path,
    {
      schema: {
        ...describeEndpoint(getGuide),
        params: getGuide.params,
        querystring: getGuide.query,
        response: { ...getGuide.responses, ...notModifiedResponse },
      },
    },
    async (request, reply) => {
      const { value, etag } = service.getGuide(request.params.slug, requestLanguage(request));
      if (isClientCopyFresh(request, reply, etag)) return reply.code(304).send();
      return reply.send(value);
    },
  );

  app.get(
    listChannels.path,
    {
      schema: {
        ...describeEndpoint(listChannels),
        querystring: listChannels.query,
        response: { ...listChannels.responses, ...notModifiedResponse },
      },
    },
    async (request, reply) => {
      const { value, etag } = service.listChannels(request.query.card, requestLanguage(request));
      if (isClientCopyFresh(request, reply, etag)) return reply.code(304).send();
      return reply.send(value);
    },
  );
};

export default guidesRoutes;
