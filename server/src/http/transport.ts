import type { FastifyInstance } from 'fastify';

/**
 * How the server makes HTTP calls to a payment provider, and how a simulated provider calls the
 * server back. One small interface so both run over real HTTP when they cross processes, and through
 * `inject` when they stay in this one (API tests build the app without a port).
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
 * Calls to this very process go through `inject`: the simulated platforms live here, so a prepay call
 * or a notification addressed to our own listening origin runs the same routes, parsers and hooks
 * with the same signed bytes, without a loopback socket and an HTTP client on each end (global
 * `fetch` cost about 340 µs of CPU per call here, both ends together; `inject` about 50). Everything
 * else (a real WeChat Pay origin, a load balancer or proxy in front of several instances) goes over
 * real HTTP.
 */
export function selfAwareTransport(app: FastifyInstance, isThisProcess: (origin: string) => boolean): HttpTransport {
  const overHttp = fetchTransport();
  const overInject = injectTransport(app);
  return (request) => (isThisProcess(new URL(request.url).origin) ? overInject(request) : overHttp(request));
}
