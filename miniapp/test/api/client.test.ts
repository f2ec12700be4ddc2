import {
  DEVICE_ID_HEADER,
  ERROR_CODES,
  IDEMPOTENCY_KEY_HEADER,
  LANGUAGES,
  MESSAGE_KINDS,
  deviceIdSchema,
  errorMessage,
  translate,
  type Language,
} from '@cbc/shared';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  REQUEST_TIMEOUT_MS,
  planRequest,
  request,
  toApiError,
  uploadFile,
  UPLOAD_TIMEOUT_MS,
} from '../../src/api';
import { parseReply, successSchema, transportError, type EndpointName, type RequestArgs } from '../../src/api/client';
import { activeSession, endSession, startSession } from '../../src/auth';
import { loadReplies } from '../../src/api/contracts';
import { STORAGE_KEYS } from '../../src/constants/storage-keys';
import { CARD_ID, guide, guideList, NOW, order, rawMessage, session } from '../support/fixtures';
import { onRequest, onUpload, requests, storedEntries, uploads } from '../setup/taro-stand-in';

const BASE = 'https://api.example.test';

/** planRequest for any endpoint with loosely typed args: the rule under test is the same for all. */
const plan = (endpoint: EndpointName, args: Record<string, unknown>, lang: Language) =>
  planRequest(endpoint, args as RequestArgs<EndpointName>, lang);

/** The query of a planned key, decoded the way a server reads it. */
function queryOf(key: string): Record<string, string> {
  const search = key.slice(key.indexOf('?') + 1);
  return Object.fromEntries(new URLSearchParams(search));
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (caught) {
    expect(caught).toBeInstanceOf(ApiError);
    return caught as ApiError;
  }
  throw new Error('expected the call to reject');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  endSession();
});

describe('planRequest', () => {
  it('builds the path and a sorted query with lang, the key of the offline cache', () => {
    expect(plan('listGuides', { query: { card: 'yuanyou' } }, 'zh-Hant').key).toBe(
      '/api/v1/guides?card=yuanyou&lang=zh-Hant',
    );
    expect(plan('getGuide', { params: { slug: 'online-renewal' } }, 'en').key).toBe(
      '/api/v1/guides/online-renewal?lang=en',
    );
    // A query written in another order names the same call.
    const a = plan('listTransactions', { query: { to: '2026-12-31', from: '2026-12-01' } }, 'en').key;
    const b = plan('listTransactions', { query: { from: '2026-12-01', to: '2026-12-31' } }, 'en').key;
    expect(a).toBe(b);
  });

  it('encodes path parameters, so a value cannot reach another route', () => {
    expect(plan('getOrder', { params: { id: '../cards?x=1#y' } }, 'en').key).toBe(
      '/api/v1/orders/..%2Fcards%3Fx%3D1%23y?lang=en',
    );
  });

  it('sends exactly the defined query values, whatever their text, and always lang', () => {
    const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,8}$/).filter((n) => n !== 'lang');
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null));
    fc.assert(
      fc.property(fc.dictionary(name, value), fc.constantFrom(...LANGUAGES), (query, lang) => {
        const planned = plan('listOrders', { query }, lang);
        const expected: Record<string, string> = { lang };
        for (const [key, item] of Object.entries(query))
          if (item !== undefined && item !== null) expected[key] = String(item);
        expect(planned.key.startsWith('/api/v1/orders?')).toBe(true);
        expect(queryOf(planned.key)).toEqual(expected);
        const names = [...new URLSearchParams(planned.key.split('?')[1]).keys()];
        expect(names).toEqual([...names].sort());
      }),
    );
  });

  it('keeps the body out of the key and the Idempotency-Key only when given', () => {
    const body = { cardId: CARD_ID, amountMinor: 20_000, method: 'wechatpay' };
    const withKey = plan('createOrder', { body, idempotencyKey: 'key-12345678' }, 'zh-Hans');
    expect(withKey).toEqual({
      endpoint: 'createOrder',
      lang: 'zh-Hans',
      key: '/api/v1/orders?lang=zh-Hans',
      body,
      idempotencyKey: 'key-12345678',
    });
    expect('idempotencyKey' in plan('listCards', {}, 'en')).toBe(false);
  });

  it('refuses a call with a path parameter missing', () => {
    expect(() => plan('getOrder', {}, 'en')).toThrow(/id/);
  });
});

describe('request: what goes on the wire', () => {
  it('sends the URL, method, lang, Accept and this device id; no token while logged out', async () => {
    onRequest(() => ({ statusCode: 200, data: guideList() }));
    await expect(request('listGuides', { lang: 'en', query: { card: 'yuanyou' } })).resolves.toEqual(guideList());
    const [call] = requests;
    expect(call?.options.url).toBe(`${BASE}/api/v1/guides?card=yuanyou&lang=en`);
    expect(call?.options.method).toBe('GET');
    expect(call?.options.data).toBeUndefined();
    const header = call?.options.header ?? {};
    expect(header.Accept).toBe('application/json');
    expect(header['Content-Type']).toBeUndefined();
    expect(header.Authorization).toBeUndefined();
    expect(deviceIdSchema.safeParse(header[DEVICE_ID_HEADER]).success).toBe(true);
    // Taro's own timer is only a backstop behind the client's.
    expect(call?.options.timeout).toBeGreaterThan(REQUEST_TIMEOUT_MS);
  });

  it('keeps one device id: the same on every call and remembered in storage', async () => {
    // A fresh app start on an empty device (the id is kept in memory once made).
    vi.resetModules();
    const fresh = await import('../../src/api');
    onRequest(() => ({ statusCode: 200, data: guideList() }));
    await fresh.request('listGuides', { lang: 'en', query: { card: 'yuanyou' } });
    await fresh.request('listGuides', { lang: 'en', query: { card: 'zhonggangtong' } });
    const ids = requests.map((call) => call.options.header?.[DEVICE_ID_HEADER]);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
    expect(storedEntries().get(STORAGE_KEYS.deviceId)).toBe(ids[0]);
  });

  it('sends the session token, and the JSON body with an Idempotency-Key when creating an order', async () => {
    startSession(session('user-1', 'token-a'));
    onRequest(() => ({ statusCode: 201, data: order('created') }));
    const body = { cardId: CARD_ID, amountMinor: 20_000, method: 'wechatpay' as const };
    await expect(request('createOrder', { lang: 'zh-Hans', body, idempotencyKey: 'abcdefgh1234' })).resolves.toEqual(
      order('created'),
    );
    const options = requests[0]?.options;
    expect(options?.method).toBe('POST');
    expect(options?.data).toEqual(body);
    expect(options?.header).toMatchObject({
      Authorization: 'Bearer token-a',
      'Content-Type': 'application/json',
      [IDEMPOTENCY_KEY_HEADER]: 'abcdefgh1234',
    });
  });
});

describe('device id', () => {
  it('reuses a valid stored id and replaces one that is not', async () => {
    for (const [stored, kept] of [
      ['stored-device-id-123456', true],
      ['short', false],
      [42, false],
    ] as const) {
      vi.resetModules();
      storedEntries().set(STORAGE_KEYS.deviceId, stored);
      const { getDeviceId } = await import('../../src/auth/device-id');
      const id = getDeviceId();
      expect(id === stored).toBe(kept);
      expect(deviceIdSchema.safeParse(id).success).toBe(true);
      expect(storedEntries().get(STORAGE_KEYS.deviceId)).toBe(id);
    }
  });
});

describe('parseReply: lenient where a newer server may say more', () => {
  it('reads an inbox message of a kind or channel this version does not know as a plain notice', async () => {
    const reply = await parseReply(
      'listMessages',
      200,
      { messages: [rawMessage('parcel_arrived', 'push'), rawMessage('welcome', 'app')], unreadCount: 2 },
      'en',
      undefined,
    );
    expect(reply.messages.map((m) => [m.kind, m.channel])).toEqual([
      ['unknown', 'app'],
      ['welcome', 'app'],
    ]);
  });

  it('keeps every known kind and turns every other string into unknown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...MESSAGE_KINDS), fc.string()), async (kind) => {
        const reply = await parseReply(
          'listMessages',
          200,
          { messages: [rawMessage(kind)], unreadCount: 0 },
          'en',
          undefined,
        );
        const known = (MESSAGE_KINDS as readonly string[]).includes(kind);
        expect(reply.messages[0]?.kind).toBe(known ? kind : 'unknown');
      }),
    );
  });

  it('accepts an SMS-code reply whose message is of a new kind', async () => {
    const reply = await parseReply(
      'requestSmsCode',
      200,
      { expiresAt: '2026-12-10T04:05:00.000Z', resendAfterSeconds: 60, message: rawMessage('voice_code') },
      'zh-Hans',
      undefined,
    );
    expect(reply.message.kind).toBe('unknown');
    expect(reply.resendAfterSeconds).toBe(60);
  });

  it('stays strict elsewhere: a guide of an unknown kind is a reply the app cannot read', async () => {
    const error = await rejection(parseReply('getGuide', 200, { ...guide(), kind: 'video' }, 'en', undefined));
    expect(error).toMatchObject({ code: 'BAD_REPLY', status: 200, message: translate('en', 'state.badReply') });
  });

  it('reads an empty reply as null for endpoints that answer 204 (WeChat hands over "")', async () => {
    expect(await parseReply('unbindCard', 204, '', 'en', undefined)).toBeNull();
    expect(await parseReply('unbindCard', 204, undefined, 'en', undefined)).toBeNull();
    expect(await parseReply('logout', 204, null, 'en', undefined)).toBeNull();
  });

  it('picks the status schema, falling back to the success one', async () => {
    const createOrder = await loadReplies('createOrder');
    expect(successSchema(createOrder, 201).safeParse(order()).success).toBe(true);
    expect(successSchema(createOrder, 200).safeParse(order()).success).toBe(true);
    expect(successSchema(await loadReplies('unbindCard')).safeParse(null).success).toBe(true);
  });
});

describe('parseReply: errors', () => {
  it('reports schemas that could not be fetched (h5, offline) as a network failure, and only for a success', async () => {
    const unreachable = () => {
      const failed = Promise.reject(Object.assign(new Error('Loading chunk 208 failed'), { name: 'ChunkLoadError' }));
      // As startLoadingReplies does: the failure matters only to a success reply.
      failed.catch(() => undefined);
      return failed;
    };
    const error = await rejection(parseReply('listCards', 200, { cards: [] }, 'zh-Hant', undefined, unreachable()));
    expect(error).toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
      message: translate('zh-Hant', 'state.networkError'),
    });
    // An error reply needs no schema of the endpoint: its own message still shows.
    const refused = { error: { code: 'CARD_NOT_FOUND', message: 'No such card' } };
    await expect(parseReply('getCard', 404, refused, 'en', undefined, unreachable())).rejects.toThrow('No such card');
  });

  it("turns the server's envelope into an ApiError with its code, message, status and field", async () => {
    const envelope = { error: { code: 'CARD_ALREADY_BOUND', message: 'This card is bound already', field: 'number' } };
    await expect(parseReply('bindCard', 409, envelope, 'en', undefined)).rejects.toThrow(
      expect.objectContaining({
        code: 'CARD_ALREADY_BOUND',
        message: 'This card is bound already',
        status: 409,
        field: 'number',
      }),
    );
  });

  it('keeps the message of an error code from a newer server, under UNKNOWN_ERROR', async () => {
    const code = fc.string({ minLength: 1 }).filter((c) => !(ERROR_CODES as readonly string[]).includes(c));
    await fc.assert(
      fc.asyncProperty(
        code,
        fc.string({ minLength: 1 }).filter((m) => m.trim() !== ''),
        fc.integer({ min: 400, max: 599 }),
        async (c, m, status) => {
          const thrown = await rejection(
            parseReply('getGuide', status, { error: { code: c, message: m } }, 'en', undefined),
          );
          expect(thrown).toMatchObject({ code: 'UNKNOWN_ERROR', message: m, status });
        },
      ),
    );
  });

  it('shows a generic message in the reader’s language when the envelope has none', async () => {
    for (const lang of LANGUAGES) {
      await expect(
        parseReply('getGuide', 404, { error: { code: 'GUIDE_NOT_FOUND', message: ' ' } }, lang, undefined),
      ).rejects.toThrow(translate(lang, 'state.unknownError'));
    }
  });

  it('says the service is unavailable for a 5xx without an envelope, and cannot-read for other bodies', async () => {
    await expect(parseReply('getGuide', 502, '<html>Bad gateway</html>', 'zh-Hant', undefined)).rejects.toThrow(
      expect.objectContaining({
        code: 'HTTP_ERROR',
        status: 502,
        message: errorMessage('zh-Hant', 'SERVICE_UNAVAILABLE'),
      }),
    );
    await expect(parseReply('getGuide', 404, '<html>Not found</html>', 'en', undefined)).rejects.toThrow(
      expect.objectContaining({ code: 'BAD_REPLY', status: 404 }),
    );
    await expect(parseReply('getGuide', 200, 'not json', 'en', undefined)).rejects.toThrow(
      expect.objectContaining({ code: 'BAD_REPLY', status: 200 }),
    );
  });

  it('ends the session on a 401 for the token it was sent with, and only that one', async () => {
    const expired = { error: { code: 'SESSION_EXPIRED', message: 'Log in again' } };
    startSession(session('user-1', 'new-token'));
    // A late 401 of a call made before the user logged in again leaves the new session alone.
    await expect(parseReply('listCards', 401, expired, 'en', 'old-token')).rejects.toThrow(ApiError);
    expect(activeSession()?.token).toBe('new-token');
    // A 401 of another kind does not log out either.
    await expect(
      parseReply('listCards', 401, { error: { code: 'INVALID_CREDENTIALS', message: 'x' } }, 'en', 'new-token'),
    ).rejects.toThrow(ApiError);
    expect(activeSession()?.token).toBe('new-token');
    await expect(parseReply('listCards', 401, expired, 'en', 'new-token')).rejects.toThrow(
      expect.objectContaining({ code: 'SESSION_EXPIRED', status: 401 }),
    );
    expect(activeSession()).toBeNull();
    expect(storedEntries().has(STORAGE_KEYS.session)).toBe(false);
  });
});

describe('transport errors', () => {
  it('tells a time-out from a lost connection, on both platforms, in the reader’s language', () => {
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    for (const lang of LANGUAGES) {
      const timeout = { code: 'TIMEOUT', status: 0, message: translate(lang, 'state.timeout') };
      const network = { code: 'NETWORK_ERROR', status: 0, message: translate(lang, 'state.networkError') };
      expect(transportError({ errMsg: 'request:fail timeout' }, lang)).toMatchObject(timeout);
      expect(transportError(abort, lang)).toMatchObject(timeout);
      expect(transportError({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' }, lang)).toMatchObject(network);
      expect(transportError(new TypeError('Failed to fetch'), lang)).toMatchObject(network);
      expect(transportError('weird', lang)).toMatchObject(network);
    }
  });

  it('toApiError passes an ApiError through and wraps anything else as a network error', () => {
    const original = new ApiError('CARD_NOT_FOUND', 'gone', 404);
    expect(toApiError(original)).toBe(original);
    const wrapped = toApiError(new Error('boom'));
    expect(wrapped).toBeInstanceOf(ApiError);
    expect(wrapped).toMatchObject({ code: 'NETWORK_ERROR', status: 0, field: undefined });
    expect(wrapped.message).toContain('boom');
  });

  it('rejects a request that fails to connect with NETWORK_ERROR', async () => {
    onRequest(() => Promise.reject({ errMsg: 'request:fail net::ERR_NAME_NOT_RESOLVED' }));
    const error = await rejection(request('listGuides', { lang: 'en', query: { card: 'yuanyou' } }));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});

describe('time-out', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });

  it('gives up after REQUEST_TIMEOUT_MS, aborting the call, and not a moment before', async () => {
    onRequest(() => new Promise(() => undefined));
    const pending = request('getGuide', { lang: 'en', params: { slug: 'online-renewal' } });
    let settled: ApiError | undefined;
    pending.catch((caught: ApiError) => {
      settled = caught;
    });
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    expect(settled).toBeUndefined();
    expect(requests[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toMatchObject({ code: 'TIMEOUT', status: 0, message: translate('en', 'state.timeout') });
    expect(requests[0]?.aborted).toBe(true);
  });

  it('honours a caller’s own time-out', async () => {
    onRequest(() => new Promise(() => undefined));
    const pending = rejection(request('getGuide', { lang: 'en', params: { slug: 'x' }, timeoutMs: 500 }));
    await vi.advanceTimersByTimeAsync(500);
    await expect(pending).resolves.toMatchObject({ code: 'TIMEOUT' });
    expect(requests[0]?.aborted).toBe(true);
  });

  it('leaves a call that answered in time alone', async () => {
    onRequest(() => ({ statusCode: 200, data: guide() }));
    await expect(request('getGuide', { lang: 'en', params: { slug: 'online-renewal' } })).resolves.toEqual(guide());
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS * 2);
    expect(requests[0]?.aborted).toBe(false);
  });
});

describe('uploadFile', () => {
  it('posts the photo under its field with the same headers, and parses the JSON text reply', async () => {
    startSession(session('user-1', 'token-u'));
    onUpload(() => ({
      statusCode: 400,
      data: JSON.stringify({ error: { code: 'PHOTO_NOT_IMAGE', message: 'Not a photo' } }),
    }));
    const error = await rejection(
      uploadFile('uploadIdPhoto', { lang: 'en', params: { id: CARD_ID } }, '/tmp/photo.jpg'),
    );
    expect(error).toMatchObject({ code: 'PHOTO_NOT_IMAGE', message: 'Not a photo', status: 400 });
    const options = uploads[0]?.options;
    expect(options).toMatchObject({
      url: `${BASE}/api/v1/cards/${CARD_ID}/id-photo?lang=en`,
      filePath: '/tmp/photo.jpg',
      name: 'photo',
    });
    expect(options?.header?.Authorization).toBe('Bearer token-u');
    // The multipart boundary is the upload's to set.
    expect(options?.header?.['Content-Type']).toBeUndefined();
    expect(options?.header?.[DEVICE_ID_HEADER]).toBeDefined();
  });

  it('reads a reply that is not JSON as one it cannot understand', async () => {
    onUpload(() => ({ statusCode: 200, data: '<html>proxy</html>' }));
    const error = await rejection(uploadFile('uploadIdPhoto', { lang: 'en', params: { id: CARD_ID } }, '/tmp/p.jpg'));
    expect(error.code).toBe('BAD_REPLY');
  });

  it('gives up after UPLOAD_TIMEOUT_MS and aborts the upload', async () => {
    vi.useFakeTimers();
    onUpload(() => new Promise(() => undefined));
    const pending = rejection(uploadFile('uploadIdPhoto', { lang: 'en', params: { id: CARD_ID } }, '/tmp/p.jpg'));
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(uploads[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(UPLOAD_TIMEOUT_MS - REQUEST_TIMEOUT_MS);
    await expect(pending).resolves.toMatchObject({ code: 'TIMEOUT' });
    expect(uploads[0]?.aborted).toBe(true);
  });
});
