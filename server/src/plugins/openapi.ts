import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { translate } from '@cbc/shared';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../version';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PREFIX = '/docs';

/**
 * Publishes the routes' zod schemas (the shared contracts) as OpenAPI 3, with an interactive page at
 * /docs. Registered before the routes, since @fastify/swagger collects them as they are added.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: '跨境卡续费助手 API (Cross-border Card Top-up Helper)',
          version: VERSION,
          description: [
            'Renewal guides for 中港通卡 and 遠遊卡, and a safe simulation of the official online top-up flow.',
            '',
            `**${translate('en', 'app.simulationNotice')}**`,
            '',
            translate('zh-Hans', 'app.simulationNotice'),
            '',
            'Every reply text is localized: pass `?lang=zh-Hans|zh-Hant|en`, or send Accept-Language. ' +
              'Every failure is `{ "error": { "code", "message", "field"? } }` with a stable code.',
          ].join('\n'),
        },
        tags: [
          { name: 'guides', description: 'Renewal guides and offline channels' },
          { name: 'system', description: 'Service status' },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });

    await app.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      // No calls to validator.swagger.io: the page works offline and within our CSP.
      uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    });

    app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
