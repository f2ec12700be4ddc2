import { api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contractRoute } from '../http/contract-route';
import { VERSION } from '../version';
import { createHealthService } from './service';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createHealthService({ db: app.db, dialect: app.config.database.dialect, version: VERSION });

  app.route({
    ...contractRoute(app, api.health),
    handler: async (request, reply) => {
      const health = await service.check();
      if (health.status !== 'ok') request.log.warn({ database: health.database }, 'health check degraded');
      // Load balancers and monitors must see the live state, never a cached one.
      reply.header('cache-control', 'no-store');
      return reply.code(health.status === 'ok' ? 200 : 503).send(health);
    },
  });
};

export default healthRoutes;
