import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * onRequest hook for personal replies (sessions, inbox, cards): no browser, proxy or WeChat cache may
 * keep them. Set before the handler so error envelopes carry it too.
 */
export async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store');
}
