import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { etagMatches } from './etag';

/** Reply schema for 304: no body. Spread into a route's `response` next to the shared contract's. */
export const notModifiedResponse = {
  304: z.undefined().describe('Not modified: the ETag sent in If-None-Match is still current'),
} as const;

/** Five minutes: content changes with a deploy, and drivers on a weak signal save a round trip. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';

/**
 * Sets the caching headers of immutable content and tells whether the client's copy is current
 * (then the route answers 304 with no body). Replies vary by Accept-Language when `?lang` is absent.
 */
export function isClientCopyFresh(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag).header('vary', 'Accept-Language');
  return etagMatches(request.headers['if-none-match'], etag);
}
