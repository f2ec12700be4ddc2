import type { Endpoint } from '@cbc/shared';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthContext } from '../auth/service';
import type { SessionUser } from '../db/schema/index';
import { UnauthenticatedError } from '../errors/app-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, set by the auth hook of routes whose contract says `auth`. */
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** onRequest hook: a live session is required, else 401. */
    requireAuth: onRequestAsyncHookHandler;
    /** onRequest hook: a session is optional, but a token that is sent must be valid. */
    optionalAuth: onRequestAsyncHookHandler;
  }
}

/**
 * Bearer-token sessions. The hooks run at onRequest, before the body is read: an anonymous upload
 * or a bad body from an anonymous client gets its 401 without being parsed.
 */
export default fp(
  async (app) => {
    app.decorateRequest('auth', null);
    const authenticate = async (request: FastifyRequest) => {
      request.auth = await app.authService.authenticate(request.headers.authorization);
      return request.auth;
    };
    app.decorate('requireAuth', async (request: FastifyRequest) => {
      if (!(await authenticate(request))) throw new UnauthenticatedError();
    });
    app.decorate('optionalAuth', async (request: FastifyRequest) => {
      await authenticate(request);
    });
  },
  { name: 'auth', dependencies: ['services'] },
);

/** The hooks a route needs for its contract's `auth`. */
export function authHooks(app: FastifyInstance, endpoint: Pick<Endpoint, 'auth'>): onRequestAsyncHookHandler[] {
  if (endpoint.auth === 'required') return [app.requireAuth];
  if (endpoint.auth === 'optional') return [app.optionalAuth];
  return [];
}

/** The user of a route behind `requireAuth`. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.auth) throw new UnauthenticatedError();
  return request.auth.user;
}

export function currentAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new UnauthenticatedError();
  return request.auth;
}
