import Taro from '@tarojs/taro';

/** One HTTP call as the API client makes it: JSON in, JSON out. */
export interface TransportRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  /** A JSON body (sent only when defined). */
  body?: unknown;
  /** The platform's own timer, a backstop behind the client's (which decides). */
  timeoutMs: number;
}

/** The status and the parsed JSON body (null when there is none or it is not JSON). */
export interface TransportReply {
  statusCode: number;
  data: unknown;
}

export interface Transmission {
  reply: Promise<TransportReply>;
  /** Stops the call, so a reply given up on cannot land later or keep a slow connection busy. */
  abort: () => void;
}

/**
 * Mini program: WeChat's request API through Taro. The browser build resolves `transport.h5.ts`, which
 * calls `fetch` itself instead of bundling Taro's request with its fetch, AbortController and JSONP
 * polyfills.
 */
export function transmit(request: TransportRequest): Transmission {
  const task = Taro.request({
    url: request.url,
    method: request.method as keyof Taro.request.Method,
    header: request.header,
    ...(request.body !== undefined ? { data: request.body as TaroGeneral.IAnyObject } : {}),
    dataType: 'json',
    timeout: request.timeoutMs,
  });
  return {
    reply: task.then(({ statusCode, data }) => ({ statusCode, data: data as unknown })),
    abort: () => (task as { abort?: () => void }).abort?.(),
  };
}
