import Taro from '@tarojs/taro';
import { api, buildPath, errorEnvelopeSchema, errorMessage, translate, type Api, type Language } from '@cbc/shared';
import type { z } from 'zod';
import { ApiError } from './api-error';

export type EndpointName = keyof Api;
type EndpointOf<N extends EndpointName> = Api[N];

/** Path parameters of an endpoint, or `undefined` when it has none. */
export type PathParams<N extends EndpointName> =
  EndpointOf<N> extends { params: infer P extends z.ZodType } ? z.input<P> : undefined;

/** Query parameters of an endpoint without `lang`, which the client always adds itself. */
export type QueryParams<N extends EndpointName> =
  EndpointOf<N> extends { query: infer Q extends z.ZodType } ? Omit<z.input<Q>, 'lang'> : undefined;

/** The parsed 200 reply of an endpoint. */
export type Reply<N extends EndpointName> = EndpointOf<N>['responses'] extends { 200: infer R extends z.ZodType }
  ? z.output<R>
  : never;

type ParamsArg<N extends EndpointName> =
  PathParams<N> extends undefined ? { params?: undefined } : { params: PathParams<N> };
type QueryArg<N extends EndpointName> =
  QueryParams<N> extends undefined
    ? { query?: undefined }
    : Record<string, never> extends QueryParams<N>
      ? { query?: QueryParams<N> }
      : { query: QueryParams<N> };

/** What a call needs besides the language: required params and query are required here too. */
export type RequestArgs<N extends EndpointName> = ParamsArg<N> & QueryArg<N>;

export const REQUEST_TIMEOUT_MS = 10_000;

/** One resolved call: `key` (path + sorted query, lang included) names it in the offline cache. */
export interface RequestPlan<N extends EndpointName> {
  endpoint: N;
  lang: Language;
  key: string;
}

export function planRequest<N extends EndpointName>(endpoint: N, args: RequestArgs<N>, lang: Language): RequestPlan<N> {
  const definition = api[endpoint];
  const path = buildPath(definition.path, (args.params ?? {}) as Record<string, string | number>);
  const query: Record<string, string> = { lang };
  for (const [name, value] of Object.entries((args.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) query[name] = String(value);
  }
  const search = Object.keys(query)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(query[name] ?? '')}`)
    .join('&');
  return { endpoint, lang, key: `${path}?${search}` };
}

/** The reply schema for a 2xx status: the status's own, else the 200 one. */
export function replySchema(endpoint: EndpointName, status = 200): z.ZodType {
  const responses = api[endpoint].responses as Record<number, z.ZodType | undefined>;
  const schema = responses[status] ?? responses[200];
  if (!schema) throw new Error(`Endpoint ${endpoint} declares no 200 reply`);
  return schema;
}

class TimeoutSignal extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutSignal('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function transportError(error: unknown, lang: Language): ApiError {
  const text =
    error && typeof error === 'object'
      ? `${(error as { errMsg?: unknown }).errMsg ?? ''} ${(error as { name?: unknown }).name ?? ''}`
      : '';
  // WeChat says "request:fail timeout"; the h5 fetch is aborted (AbortError) when its own timer fires.
  if (error instanceof TimeoutSignal || /timeout|timed out|AbortError/i.test(text)) {
    return new ApiError('TIMEOUT', translate(lang, 'state.timeout'), 0);
  }
  return new ApiError('NETWORK_ERROR', translate(lang, 'state.networkError'), 0);
}

/** Sends a planned call and parses its reply; rejects with ApiError on every failure. */
export async function send<N extends EndpointName>(
  plan: RequestPlan<N>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Reply<N>> {
  const { endpoint, lang } = plan;
  // The body is typed loosely here on purpose: the endpoint's schema is what gives it a type.
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    response = await withTimeout(
      Taro.request({
        url: `${API_BASE_URL}${plan.key}`,
        method: api[endpoint].method,
        header: { Accept: 'application/json' },
        dataType: 'json',
        // Taro's own timer is a backstop; ours decides, so both platforms classify timeouts alike.
        timeout: timeoutMs + 2_000,
      }),
      timeoutMs,
    );
  } catch (error) {
    throw transportError(error, lang);
  }

  const status = response.statusCode;
  if (status >= 200 && status < 300) {
    const parsed = replySchema(endpoint, status).safeParse(response.data);
    if (!parsed.success) throw new ApiError('BAD_REPLY', translate(lang, 'state.badReply'), status);
    return parsed.data as Reply<N>;
  }
  const envelope = errorEnvelopeSchema.safeParse(response.data);
  if (envelope.success) {
    // The server localizes its messages from the `lang` we sent.
    throw new ApiError(envelope.data.error.code, envelope.data.error.message, status);
  }
  if (status >= 500) throw new ApiError('HTTP_ERROR', errorMessage(lang, 'SERVICE_UNAVAILABLE'), status);
  throw new ApiError('BAD_REPLY', translate(lang, 'state.badReply'), status);
}

/**
 * Typed call of one shared endpoint: builds the URL with `buildPath`, always sends `lang`, times out
 * after ~10 s, parses every 2xx reply with the endpoint's schema and rejects with ApiError otherwise.
 */
export function request<N extends EndpointName>(
  endpoint: N,
  args: RequestArgs<N> & { lang: Language; timeoutMs?: number },
): Promise<Reply<N>> {
  return send(planRequest(endpoint, args, args.lang), args.timeoutMs);
}
