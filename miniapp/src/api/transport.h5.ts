import type { Transmission, TransportReply, TransportRequest } from './transport';

export type { Transmission, TransportReply, TransportRequest } from './transport';

/**
 * Browser build: `fetch`, which every browser the h5 build targets has (babel.config.js), with an
 * AbortController for the client's time-out and the platform's backstop alike. A body that is not JSON
 * (a proxy's error page) reads as null, as Taro's request gives it.
 */
export function transmit(request: TransportRequest): Transmission {
  const controller = new AbortController();
  const backstop = setTimeout(() => controller.abort(), request.timeoutMs);
  const reply = (async (): Promise<TransportReply> => {
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.header,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal: controller.signal,
      });
      const data: unknown = response.status === 204 ? null : await response.json().catch(() => null);
      return { statusCode: response.status, data };
    } finally {
      clearTimeout(backstop);
    }
  })();
  return { reply, abort: () => controller.abort() };
}
