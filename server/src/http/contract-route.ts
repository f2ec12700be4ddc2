import type { Endpoint } from '@cbc/shared';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import { authHooks } from '../plugins/auth';
import { describeEndpoint } from '../plugins/openapi';

type Part<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;

/** The Fastify schema of a contract: typed parts for the zod type provider, documentation for OpenAPI. */
export interface ContractSchema<E extends Endpoint> {
  summary: string;
  tags: string[];
  security?: Array<Record<string, string[]>>;
  params: Part<E, 'params'>;
  querystring: Part<E, 'query'>;
  body: Part<E, 'body'>;
  response: E['responses'];
  description?: string;
  consumes?: string[];
}

export interface ContractRoute<E extends Endpoint> {
  method: E['method'];
  url: E['path'];
  schema: ContractSchema<E>;
  onRequest: onRequestAsyncHookHandler[];
}

/**
 * Everything a route takes from its shared contract, declared once: method, path, the schemas that
 * validate it and document it, and the auth hook its `auth` asks for. Spread it into `app.route`:
 * `app.route({ ...contractRoute(app, api.getOrder), handler })`; the handler's request is typed
 * from the contract's schemas.
 */
export function contractRoute<const E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  extra: { description?: string; consumes?: string[]; response?: Record<number, z.ZodType> } = {},
): ContractRoute<E> {
  const schema = {
    ...describeEndpoint(endpoint),
    params: endpoint.params,
    querystring: endpoint.query,
    body: endpoint.bodyType === 'multipart' ? undefined : endpoint.body,
    response: { ...endpoint.responses, ...extra.response },
    ...(extra.description ? { description: extra.description } : {}),
    ...(extra.consumes ? { consumes: extra.consumes } : {}),
  } as ContractSchema<E>;
  return { method: endpoint.method, url: endpoint.path, schema, onRequest: authHooks(app, endpoint) };
}
