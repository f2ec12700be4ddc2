import {
  DEVICE_ID_HEADER,
  errorMessage,
  IDEMPOTENCY_KEY_HEADER,
  routes,
  translate,
  type Api,
  type Language,
} from '@cbc/shared';
import type { z } from 'zod';
import { getDeviceId } from '../auth/device-id';
import { activeSession, endSession } from '../auth/session-store';
import { ApiError } from './api-error';
import { loadedReplies, loadReplies } from './contracts';
import { takeEarlyReply, takeSettledEarlyReply } from './early-replies';
import { PLATFORM_TIMEOUT_GRACE_MS, REQUEST_TIMEOUT_MS } from './timeouts';
import { transmit, type TransportReply } from './transport';
import { requestKey, type CallArgs } from './request-key';
import { clientErrorEnvelopeSchema, knownErrorCode } from './tolerant';
import type { ReplySchemas, TolerantReplies } from './tolerant-replies';

export type EndpointName = keyof Api;
type EndpointOf<N extends EndpointName> = Api[N];

/** Path parameters of an endpoint, or `undefined` when it has none. */
export type PathParams<N extends EndpointName> =
  EndpointOf<N> extends { params: infer P extends z.ZodType } ? z.input<P> : undefined;

/** Query parameters of an endpoint without `lang`, which the client always adds itself. */
export type QueryParams<N extends EndpointName> =
  EndpointOf<N> extends { query: infer Q extends z.ZodType } ? Omit<z.input<Q>, 'lang'> : undefined;

/** The JSON body of an endpoint, as the caller writes it (before the schema's transforms). */
export type RequestBody<N extends EndpointName> =
  EndpointOf<N> extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;

type Responses<N extends EndpointName> = EndpointOf<N>['responses'];

/**
 * The parsed success reply of an endpoint: its 200 body, else its 201 one (created), else 204 (null);
 * for the endpoints in TOLERANT_REPLIES, the client's lenient reading of it.
 */
export type Reply<N extends EndpointName> = N extends keyof TolerantReplies
  ? z.output<TolerantReplies[N][200]>
  : Responses<N> extends { 200: infer R extends z.ZodType }
    ? z.output<R>
    : Responses<N> extends { 201: infer R extends z.ZodType }
      ? z.output<R>
      : Responses<N> extends { 204: infer R extends z.ZodType }
        ? z.output<R>
        : never;

/**
 * POSTs that create something. Each carries an Idempotency-Key, so pressing submit again after a
 * reply was lost (a time-out, a dropped connection) returns what was created instead of a second one.
 */
export const IDEMPOTENT_ENDPOINTS = ['createOrder', 'bindCard'] as const satisfies readonly EndpointName[];
export type IdempotentEndpoint = (typeof IDEMPOTENT_ENDPOINTS)[number];

/** Required for the endpoints that create something, refused for the others. */
export type IdempotencyArg<N extends EndpointName> = N extends IdempotentEndpoint
  ? { idempotencyKey: string }
  : { idempotencyKey?: undefined };

type ParamsArg<N extends EndpointName> =
  PathParams<N> extends undefined ? { params?: undefined } : { params: PathParams<N> };
type QueryArg<N extends EndpointName> =
  QueryParams<N> extends undefined
    ? { query?: undefined }
    : Record<string, never> extends QueryParams<N>
      ? { query?: QueryParams<N> }
      : { query: QueryParams<N> };

type BodyArg<N extends EndpointName> =
  RequestBody<N> extends undefined ? { body?: undefined } : { body: RequestBody<N> };

/** What a call needs besides the language: required params, query and body are required here too. */
export type RequestArgs<N extends EndpointName> = ParamsArg<N> & QueryArg<N> & BodyArg<N>;

export { REQUEST_TIMEOUT_MS } from './timeouts';

/** One resolved call: `key` (path + sorted query, lang included) names it in the offline cache. */
export interface RequestPlan<N extends EndpointName> {
  endpoint: N;
  lang: Language;
  key: string;
  /** The JSON body, if the endpoint takes one (not part of `key`: only GET replies are cached). */
  body?: unknown;
  /** Sent as the Idempotency-Key header (endpoints that create something). */
  idempotencyKey?: string;
}

export function planRequest<N extends EndpointName>(endpoint: N, args: RequestArgs<N>, lang: Language): RequestPlan<N> {
  const plan: RequestPlan<N> = {
    endpoint,
    lang,
    key: requestKey(endpoint, args as CallArgs, lang),
    body: (args as { body?: unknown }).body,
  };
  const { idempotencyKey } = args as { idempotencyKey?: string };
  if (idempotencyKey !== undefined) plan.idempotencyKey = idempotencyKey;
  return plan;
}

/** The schema for a 2xx status: the status's own, else the endpoint's success one (200, 201, 204). */
export function successSchema(replies: ReplySchemas, status = 200): z.ZodType {
  const schema = replies[status] ?? replies[200] ?? replies[201] ?? replies[204];
  if (!schema) throw new Error('The endpoint declares no success reply');
  return schema;
}

function parseSuccess(schemas: ReplySchemas, status: number, data: unknown) {
  // No content: WeChat hands over '', the browser build null.
  const body = status === 204 || data === '' || data === undefined ? null : data;
  return successSchema(schemas, status).safeParse(body);
}

export class TimeoutSignal extends Error {}

/** Rejects with TimeoutSignal after `ms`; `onTimeout` then gets the chance to stop the work (abort a request). */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new TimeoutSignal('timeout'));
      onTimeout?.();
    }, ms);
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

export function transportError(error: unknown, lang: Language): ApiError {
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

/**
 * Headers of every call: the device id always (the inbox before login), the session token when
 * logged in. Returns the token sent, so a 401 ends exactly that session.
 */
export function requestHeaders(json: boolean): { header: Record<string, string>; token: string | undefined } {
  const header: Record<string, string> = { Accept: 'application/json', [DEVICE_ID_HEADER]: getDeviceId() };
  if (json) header['Content-Type'] = 'application/json';
  const token = activeSession()?.token;
  if (token) header.Authorization = `Bearer ${token}`;
  return { header, token };
}

/**
 * Turns a reply into the endpoint's parsed 2xx body or an ApiError (shared by `send` and `uploadFile`).
 * A 401 saying the session is missing or expired logs the user out (the page then offers login).
 * `replies`: the endpoint's schemas, loading (on h5) since the call was sent (startLoadingReplies).
 */
export async function parseReply<N extends EndpointName>(
  endpoint: N,
  status: number,
  data: unknown,
  lang: Language,
  token: string | undefined,
  replies?: Promise<ReplySchemas>,
): Promise<Reply<N>> {
  if (status >= 200 && status < 300) {
    let schemas: ReplySchemas;
    try {
      schemas = await (replies ?? loadReplies(endpoint));
    } catch (error) {
      // The schemas' file could not be fetched (h5, offline): as much a network failure as the call's.
      throw transportError(error, lang);
    }
    const parsed = parseSuccess(schemas, status, data);
    if (!parsed.success) throw new ApiError('BAD_REPLY', translate(lang, 'state.badReply'), status);
    return parsed.data as Reply<N>;
  }
  const envelope = clientErrorEnvelopeSchema.safeParse(data);
  if (envelope.success) {
    const { message, field } = envelope.data.error;
    // A code newer than this app version: no page branches on it, but its (localized) message is shown.
    const code = knownErrorCode(envelope.data.error.code) ?? 'UNKNOWN_ERROR';
    if (status === 401 && token && (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED')) endSession(token);
    // The server localizes its messages from the `lang` we sent.
    const shown = message.trim() !== '' ? message : translate(lang, 'state.unknownError');
    throw new ApiError(code, shown, status, field);
  }
  if (status >= 500) throw new ApiError('HTTP_ERROR', errorMessage(lang, 'SERVICE_UNAVAILABLE'), status);
  throw new ApiError('BAD_REPLY', translate(lang, 'state.badReply'), status);
}

/**
 * A success reply parsed at once, if the endpoint's schemas are loaded and it conforms; else undefined
 * (the caller then goes the asynchronous way, which reports every failure).
 */
export function parseSuccessNow<N extends EndpointName>(
  endpoint: N,
  status: number,
  data: unknown,
): Reply<N> | undefined {
  const schemas = loadedReplies(endpoint);
  if (!schemas || status < 200 || status >= 300) return undefined;
  const parsed = parseSuccess(schemas, status, data);
  return parsed.success ? (parsed.data as Reply<N>) : undefined;
}

/**
 * h5: the boot script's reply to this very call, if it is already in and conforms, parsed now, so a page
 * can show it on its first render (taken: the call is then not sent). Undefined otherwise.
 */
export function takeEarlyReplyNow<N extends EndpointName>(
  plan: RequestPlan<N>,
  token: string | undefined,
): Reply<N> | undefined {
  return takeSettledEarlyReply(plan.endpoint, plan.key, token, (reply) =>
    parseSuccessNow(plan.endpoint, reply.statusCode, reply.data),
  );
}

/** Sends a planned call and parses its reply; rejects with ApiError on every failure. */
export async function send<N extends EndpointName>(
  plan: RequestPlan<N>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Reply<N>> {
  const { endpoint, lang } = plan;
  const hasBody = plan.body !== undefined;
  const { header, token } = requestHeaders(hasBody);
  const replies = startLoadingReplies(endpoint);
  if (plan.idempotencyKey !== undefined) header[IDEMPOTENCY_KEY_HEADER] = plan.idempotencyKey;
  // h5: the boot script may have sent this very GET while the app was loading; a failed one is asked again.
  const early = routes[endpoint].method === 'GET' ? takeEarlyReply(endpoint, plan.key, token) : undefined;
  if (early) {
    const reply = await withTimeout(early, timeoutMs).catch(() => undefined);
    if (reply) return parseReply(endpoint, reply.statusCode, reply.data, lang, token, replies);
  }
  let response: TransportReply;
  try {
    // Our timer decides; the platform's is a backstop, so both platforms classify timeouts alike.
    const call = transmit({
      url: `${API_BASE_URL}${plan.key}`,
      method: routes[endpoint].method,
      header,
      body: plan.body,
      timeoutMs: timeoutMs + PLATFORM_TIMEOUT_GRACE_MS,
    });
    // A call we gave up on is aborted, so it cannot land later (or keep a slow connection busy).
    response = await withTimeout(call.reply, timeoutMs, call.abort);
  } catch (error) {
    throw transportError(error, lang);
  }
  return parseReply(endpoint, response.statusCode, response.data, lang, token, replies);
}

/**
 * Starts loading an endpoint's reply schemas beside its call. A failure is reported only if a 2xx reply
 * needs them (parseReply), so it is marked handled here.
 */
export function startLoadingReplies(endpoint: EndpointName): Promise<ReplySchemas> {
  const replies = loadReplies(endpoint);
  replies.catch(() => undefined);
  return replies;
}

/**
 * Typed call of one shared endpoint: builds the URL with `buildPath`, always sends `lang` (and the
 * JSON body, device id and session token), times out after ~10 s, parses every 2xx reply with the
 * endpoint's schema and rejects with ApiError otherwise.
 */
export function request<N extends EndpointName>(
  endpoint: N,
  args: RequestArgs<N> & IdempotencyArg<N> & { lang: Language; timeoutMs?: number },
): Promise<Reply<N>> {
  return send(planRequest(endpoint, args, args.lang), args.timeoutMs);
}
