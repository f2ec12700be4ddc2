import { api } from '@cbc/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isClientCopyFresh, notModifiedResponse } from '../http/cacheable';
import { contractRoute } from '../http/contract-route';
import { sendStoredJson } from '../http/stored-json';
import { requestLanguage } from '../i18n/request-language';
import { channelContents, guideContents } from './content/index';
import { createGuidesService, type Cached, type GuidesService } from './service';

export interface GuidesRoutesOptions {
  /** Tests may pass a service over fixture content; the real content is the default. */
  service?: GuidesService;
}

/**
 * 304 when the client's copy is current, otherwise the reply's bytes as they were made at start-up
 * (compressed once, when a client first accepts it), skipping the per-request serialization against
 * the contract that was most of this route's own cost in issue 9's profile.
 *
 * The guide handlers are synchronous and return nothing, because their content is in memory. An async
 * handler that returned the reply it had sent cost every request a promise, which then adopted the reply
 * (Fastify's reply is a thenable), and Fastify's wait on both (docs/performance.md, issue 9). A service error thrown
 * here still reaches the error handler: Fastify catches what a handler throws.
 */
function sendCached(request: FastifyRequest, reply: FastifyReply, cached: Cached<unknown>): void {
  if (isClientCopyFresh(request, reply, cached.etag)) reply.code(304).send();
  else sendStoredJson(request, reply, cached);
}

const guidesRoutes: FastifyPluginAsyncZod<GuidesRoutesOptions> = async (app, options) => {
  const service = options.service ?? createGuidesService(guideContents, channelContents);
  const { listGuides, getGuide, listChannels } = api;
  // Guide content is immutable between deploys: every route answers a conditional GET with 304.
  const cacheable = { response: notModifiedResponse };
  // sendStoredJson compresses these replies once and keeps them: the plugin's per-request hooks would
  // only look and step aside.
  const storedCompression = { compress: false } as const;

  app.route({
    ...contractRoute(app, listGuides, cacheable),
    ...storedCompression,
    handler: (request, reply) => {
      sendCached(request, reply, service.listGuides(request.query.card, requestLanguage(request)));
    },
  });

  app.route({
    ...contractRoute(app, getGuide, cacheable),
    ...storedCompression,
    handler: (request, reply) => {
      sendCached(request, reply, service.getGuide(request.params.slug, requestLanguage(request)));
    },
  });

  app.route({
    ...contractRoute(app, listChannels, cacheable),
    ...storedCompression,
    handler: (request, reply) => {
      sendCached(request, reply, service.listChannels(request.query.card, requestLanguage(request)));
    },
  });
};

export default guidesRoutes;
