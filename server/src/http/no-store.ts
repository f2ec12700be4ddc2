import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * onRequest hook for personal replies (sessions, inbox, cards): no browser, proxy or WeChat cache may
 * keep them. Set before the handler so error envelopes carry it too. A callback hook, not an async one:
 * it has nothing to wait for, and an async hook costs every request a promise and a turn of the queue.
 */
export function noStore(_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.header('cache-control', 'no-store');
  done();
}
