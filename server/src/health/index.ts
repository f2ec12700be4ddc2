import { api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VERSION } from '../version';
import { createHealthService } from './service';
import { describeEndpoint } from '../plugins/openapi';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createHealthService({ db: app.db, dialect: app.config.database.dialect, version: VERSION });
  const endpoint = api.health;

  app.get(
    endpoint.path,
    { schema: { ...describeEndpoint(endpoint), response: endpoint.responses } },
    async (request, reply) => {
      const health = await service.check();
      if (health.status !== 'ok') request.log.warn({ database: health.database }, 'health check degraded');
      // Load balancers and monitors must see the live state, never a cached one.
      reply.header('cache-control', 'no-store');
      return reply.code(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
};

export default healthRoutes;
