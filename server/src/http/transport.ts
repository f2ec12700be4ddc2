import type { FastifyInstance } from 'fastify';

/**
 * How the server makes HTTP calls to a payment provider, and how a simulated provider calls the
 * server back. One small interface so both run over real HTTP when the app listens, and through
 * `inject` when it does not (API tests build the app without a port).
 */
export interface OutgoingRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** Sent byte for byte: signatures cover exactly this text. */
  body?: string;
}

export interface IncomingResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export type HttpTransport = (request: OutgoingRequest) => Promise<IncomingResponse>;

export const DEFAULT_HTTP_TIMEOUT_MS = 5_000;

export function fetchTransport(timeoutMs = DEFAULT_HTTP_TIMEOUT_MS): HttpTransport {
  return async (request) => {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, body: await response.text() };
  };
}

/** Requests to the app's own origin through `app.inject` (same routes, parsers and hooks, no socket). */
export function injectTransport(app: FastifyInstance): HttpTransport {
  return async (request) => {
    const url = new URL(request.url);
    const response = await app.inject({
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers: request.headers,
      ...(request.body !== undefined ? { payload: request.body } : {}),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { status: response.statusCode, headers, body: response.body };
  };
}

/**
 * Real HTTP once the server listens (the normal case: `npm start`, the browser tests, the bench), and
 * `inject` for calls to the app's own origin while it does not (tests that never open a port).
 */
export function selfAwareTransport(app: FastifyInstance, ownOrigin: () => string): HttpTransport {
  const overHttp = fetchTransport();
  const overInject = injectTransport(app);
  return (request) =>
    !app.server.listening && new URL(request.url).origin === ownOrigin() ? overInject(request) : overHttp(request);
}
