import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { translate, type Endpoint } from '@cbc/shared';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../version';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PREFIX = '/docs';
export const BEARER_SCHEME = 'bearerAuth';

/** OpenAPI `security` of a route from its contract: required, optional (`{}` = anonymous allowed) or none. */
export function openApiSecurity(endpoint: Pick<Endpoint, 'auth'>): Array<Record<string, string[]>> | undefined {
  if (endpoint.auth === 'required') return [{ [BEARER_SCHEME]: [] }];
  if (endpoint.auth === 'optional') return [{}, { [BEARER_SCHEME]: [] }];
  return undefined;
}

/**
 * The documentation half of a route schema, taken from its shared contract; `contractRoute`
 * (http/contract-route.ts) adds the typed half (params, querystring, body, response) beside it.
 */
export function describeEndpoint(endpoint: Pick<Endpoint, 'summary' | 'tags' | 'auth'>) {
  const security = openApiSecurity(endpoint);
  return { summary: endpoint.summary, tags: [...endpoint.tags], ...(security ? { security } : {}) };
}

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
            '',
            'Log in (`/auth/login`, `/auth/register`, `/auth/wechat`) to get a session token, then send ' +
              '`Authorization: Bearer <token>`. Before login the simulated SMS inbox is per device: send ' +
              '`x-device-id` (16–64 of A–Z a–z 0–9 _ -).',
          ].join('\n'),
        },
        tags: [
          { name: 'guides', description: 'Renewal guides and offline channels' },
          { name: 'auth', description: 'Accounts and sessions (simulated SMS codes and WeChat login)' },
          { name: 'messages', description: 'Inbox of simulated SMS and notices' },
          { name: 'cards', description: 'Bound cards and the holder’s ID photo' },
          {
            name: 'topup',
            description: 'Top-up options and orders (amounts, bonuses and totals computed by the server)',
          },
          { name: 'cashier', description: 'The simulated cashier: practise paying, declines, cancels and time-outs' },
          {
            name: 'history',
            description: 'Transactions (cursor pages, filters), receipts sent again, monthly statements, CSV export',
          },
          { name: 'trips', description: 'Simulated toll trips paid from the balance, and low-balance reminders' },
          { name: 'system', description: 'Service status' },
        ],
        components: {
          securitySchemes: {
            [BEARER_SCHEME]: {
              type: 'http',
              scheme: 'bearer',
              description: 'The `token` of a Session reply; revoked by POST /api/v1/auth/logout',
            },
          },
        },
      },
      // The simulated WeChat Pay platform mounted at /v3 is WeChat's API, not ours: it is not documented here.
      transform: (input) =>
        input.url.startsWith('/v3/')
          ? { schema: { ...input.schema, hide: true }, url: input.url }
          : jsonSchemaTransform(input),
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
