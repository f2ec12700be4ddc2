import type { Endpoint } from '@cbc/shared';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import { authHooks } from '../plugins/auth';
import { describeEndpoint } from '../plugins/openapi';

type Part<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;
/** A multipart upload is read by the handler as a stream: no JSON body schema validates it. */
type BodyPart<E> = E extends { bodyType: 'multipart' } ? undefined : Part<E, 'body'>;
type Responses = Record<number, z.ZodType>;
type NoResponses = Record<never, never>;

/** What a route adds to its contract; nothing here changes what the contract itself says. */
export interface ContractRouteExtra<R extends Responses = NoResponses> {
  /** Longer OpenAPI text than the contract's one-line summary. */
  description?: string;
  /** OpenAPI request media types, for a body the contract does not describe (a multipart upload). */
  consumes?: string[];
  /** Replies the server adds on top of the contract's, such as an empty 304 to a conditional GET. */
  response?: R;
  /**
   * The route's own onRequest hooks (rate limits). They run before the auth hook, as a route that spells
   * `onRequest: [limiter, app.requireAuth]` would: a flood is refused before any session lookup.
   */
  onRequest?: onRequestAsyncHookHandler[];
}

/** The Fastify schema of a contract: typed parts for the zod type provider, documentation for OpenAPI. */
export interface ContractSchema<E extends Endpoint, R extends Responses = NoResponses> {
  summary: string;
  tags: string[];
  security?: Array<Record<string, string[]>>;
  params: Part<E, 'params'>;
  querystring: Part<E, 'query'>;
  body: BodyPart<E>;
  response: E['responses'] & R;
  description?: string;
  consumes?: string[];
}

export interface ContractRoute<E extends Endpoint, R extends Responses = NoResponses> {
  method: E['method'];
  url: E['path'];
  schema: ContractSchema<E, R>;
  /** `extra.onRequest`, then the auth hook the contract's `auth` asks for. */
  onRequest: onRequestAsyncHookHandler[];
}

/**
 * Everything a route takes from its shared contract, declared once: method, path, the schemas that
 * validate it and document it, and the auth hook its `auth` asks for. Spread it into `app.route`:
 * `app.route({ ...contractRoute(app, api.getOrder), handler })`; the handler's request (params, query,
 * body) and reply codes are typed from the contract's schemas and `extra.response`. A route with more
 * lifecycle hooks (a preHandler) adds them beside the spread.
 */
export function contractRoute<const E extends Endpoint, const R extends Responses = NoResponses>(
  app: FastifyInstance,
  endpoint: E,
  extra: ContractRouteExtra<R> = {},
): ContractRoute<E, R> {
  const body = endpoint.bodyType === 'multipart' ? undefined : endpoint.body;
  // Absent parts are left out rather than set to undefined, so the schema is what a hand-written one was.
  const schema = {
    ...describeEndpoint(endpoint),
    ...(extra.description ? { description: extra.description } : {}),
    ...(extra.consumes ? { consumes: extra.consumes } : {}),
    ...(endpoint.params ? { params: endpoint.params } : {}),
    ...(endpoint.query ? { querystring: endpoint.query } : {}),
    ...(body ? { body } : {}),
    response: { ...endpoint.responses, ...extra.response },
  } as ContractSchema<E, R>;
  return {
    method: endpoint.method,
    url: endpoint.path,
    schema,
    onRequest: [...(extra.onRequest ?? []), ...authHooks(app, endpoint)],
  };
}
