import { cardIdSchema, errorEnvelopeSchema } from '@cbc/shared';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../src/errors/app-error';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    configure(app) {
      // Test-only routes, added before ready() like any feature plugin.
      app.get('/api/v1/test/boom', async () => {
        throw new Error('connection to /work/secret/db.ts refused at line 42');
      });
      app.get('/api/v1/test/unavailable', async () => {
        throw new ServiceUnavailableError();
      });
      app.get('/api/v1/test/bad-reply', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => {
        return { ok: 'yes' } as unknown as { ok: boolean };
      });
      app.post(
        '/api/v1/test/echo',
        { schema: { body: z.object({ card: cardIdSchema, amount: z.number().int() }) }, bodyLimit: 64 },
        async (request) => request.body,
      );
    },
  });
});
afterAll(() => t.close());

async function expectEnvelope(
  request: { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; payload?: string },
  status: number,
  error: { code: string; message: string; field?: string },
) {
  const res = await t.app.inject({
    method: request.method ?? 'GET',
    url: request.url,
    headers: request.headers,
    payload: request.payload,
  });
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.json()).toEqual({ error });
  expect(errorEnvelopeSchema.safeParse(res.json()).success).toBe(true);
  expectNoInternals(res.body);
  return res;
}

describe('validation errors', () => {
  it('names an unknown card, in zh-Hans by default', async () => {
    await expectEnvelope({ url: '/api/v1/guides?card=octopus' }, 400, {
      code: 'VALIDATION_FAILED',
      message: '卡片类型：无效选项：期望以下之一 "zhonggangtong"|"yuanyou"',
      field: 'card',
    });
  });

  it('speaks English and Traditional Chinese when asked', async () => {
    await expectEnvelope({ url: '/api/v1/guides?card=octopus&lang=en' }, 400, {
      code: 'VALIDATION_FAILED',
      message: 'Card type: Invalid option: expected one of "zhonggangtong"|"yuanyou"',
      field: 'card',
    });
    await expectEnvelope({ url: '/api/v1/channels?card=octopus', headers: { 'accept-language': 'zh-HK' } }, 400, {
      code: 'VALIDATION_FAILED',
      message: '卡片類型：無效的選項：預期為以下其中之一 "zhonggangtong"|"yuanyou"',
      field: 'card',
    });
  });

  it('says a missing card is required', async () => {
    await expectEnvelope({ url: '/api/v1/guides' }, 400, {
      code: 'VALIDATION_FAILED',
      message: '卡片类型：此项必填',
      field: 'card',
    });
    await expectEnvelope({ url: '/api/v1/channels?lang=en' }, 400, {
      code: 'VALIDATION_FAILED',
      message: 'Card type: this field is required',
      field: 'card',
    });
  });

  it('rejects an unsupported language, answering in the Accept-Language or default language', async () => {
    await expectEnvelope({ url: '/api/v1/guides?card=yuanyou&lang=fr' }, 400, {
      code: 'VALIDATION_FAILED',
      message: '语言：无效选项：期望以下之一 "zh-Hans"|"zh-Hant"|"en"',
      field: 'lang',
    });
    await expectEnvelope({ url: '/api/v1/guides?card=yuanyou&lang=fr', headers: { 'accept-language': 'en-GB' } }, 400, {
      code: 'VALIDATION_FAILED',
      message: 'Language: Invalid option: expected one of "zh-Hans"|"zh-Hant"|"en"',
      field: 'lang',
    });
  });

  it('rejects a malformed slug', async () => {
    await expectEnvelope({ url: '/api/v1/guides/Bad_Slug?lang=en' }, 400, {
      code: 'VALIDATION_FAILED',
      message: 'Guide id: Invalid string: must match pattern /^[a-z0-9]+(?:-[a-z0-9]+)*$/',
      field: 'slug',
    });
  });

  it('describes a body field of the wrong type with the type received, and logs no submitted value', async () => {
    await expectEnvelope(
      {
        method: 'POST',
        url: '/api/v1/test/echo?lang=en',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ card: 'yuanyou', amount: 'S1234567' }),
      },
      400,
      {
        code: 'VALIDATION_FAILED',
        message: 'amount: Invalid input: expected number, received string',
        field: 'amount',
      },
    );
    expect(JSON.stringify(t.logs())).not.toContain('S1234567');
    expect(t.logs()).toContainEqual(
      expect.objectContaining({ msg: 'request rejected', code: 'VALIDATION_FAILED', field: 'amount' }),
    );
  });
});

describe('not found', () => {
  it('answers an unknown guide with GUIDE_NOT_FOUND, in words rather than the slug', async () => {
    await expectEnvelope({ url: '/api/v1/guides/octopus-card' }, 404, {
      code: 'GUIDE_NOT_FOUND',
      message: '找不到这篇指南，可能已经下线，或者链接有误',
    });
    await expectEnvelope({ url: '/api/v1/guides/octopus-card?lang=en' }, 404, {
      code: 'GUIDE_NOT_FOUND',
      message: 'This guide was not found: it may have been withdrawn, or the link is wrong',
    });
    await expectEnvelope({ url: '/api/v1/guides/octopus-card?lang=zh-Hant' }, 404, {
      code: 'GUIDE_NOT_FOUND',
      message: '找不到這篇指南，可能已經下架，或者連結有誤',
    });
  });

  it('answers an unknown route with ROUTE_NOT_FOUND, without the query string', async () => {
    await expectEnvelope({ url: '/api/v1/nope?x=1' }, 404, {
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在：GET /api/v1/nope',
    });
    await expectEnvelope({ method: 'POST', url: '/api/v1/guides', headers: { 'accept-language': 'en' } }, 404, {
      code: 'ROUTE_NOT_FOUND',
      message: 'No such endpoint: POST /api/v1/guides',
    });
  });
});

describe('framework errors', () => {
  const post = (payload: string, contentType = 'application/json') => ({
    method: 'POST' as const,
    url: '/api/v1/test/echo?lang=en',
    headers: { 'content-type': contentType },
    payload,
  });

  it('maps a malformed JSON body to INVALID_JSON', async () => {
    await expectEnvelope(post('{"card":'), 400, {
      code: 'INVALID_JSON',
      message: 'The request body is not valid JSON',
    });
    await expectEnvelope({ ...post('{bad'), url: '/api/v1/test/echo' }, 400, {
      code: 'INVALID_JSON',
      message: '请求内容不是有效的 JSON',
    });
  });

  it('maps an unsupported content type to 415', async () => {
    await expectEnvelope(post('<card/>', 'application/xml'), 415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'This content type is not supported',
    });
  });

  it('maps a body over the limit to 413', async () => {
    await expectEnvelope(post(JSON.stringify({ card: 'yuanyou', amount: 1, pad: 'x'.repeat(200) })), 413, {
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The upload is too large',
    });
  });

  it('maps a malformed URL to BAD_REQUEST', async () => {
    await expectEnvelope({ url: '/api/v1/guides/%zz?lang=en' }, 400, {
      code: 'BAD_REQUEST',
      message: 'The request could not be processed; check it and retry',
    });
  });

  it('sends the security headers with errors raised before routing (a malformed URL, an over-long id)', async () => {
    const routed = await t.app.inject({ url: '/api/v1/guides?card=octopus' });
    for (const url of ['/api/v1/guides/%zz', '/api/v1/guides/%ff%fe', `/api/v1/cards/${'a'.repeat(10_000)}`]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(errorEnvelopeSchema.safeParse(res.json()).success).toBe(true);
      for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options']) {
        expect(res.headers[name], `${url} ${name}`).toBe(routed.headers[name]);
      }
    }
  });

  it('passes a valid body through', async () => {
    const res = await t.app.inject(post(JSON.stringify({ card: 'yuanyou', amount: 5 })));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ card: 'yuanyou', amount: 5 });
  });
});

describe('server errors', () => {
  it('hides a thrown error behind INTERNAL_ERROR and logs it in full', async () => {
    const res = await expectEnvelope({ url: '/api/v1/test/boom' }, 500, {
      code: 'INTERNAL_ERROR',
      message: '服务器出了点问题，请稍后再试',
    });
    expect(res.body).not.toContain('secret');
    expect(res.headers['cache-control']).toBe('no-store');
    const logged = t.logs().find((line) => line.msg === 'request failed' && line.err?.message?.includes('secret'));
    expect(logged).toBeDefined();
    expect(logged?.level).toBe(50);
    expect(logged?.err?.stack).toMatch(/at /);
  });

  it('localizes the generic message', async () => {
    await expectEnvelope({ url: '/api/v1/test/boom', headers: { 'accept-language': 'zh-Hant-HK' } }, 500, {
      code: 'INTERNAL_ERROR',
      message: '伺服器出了點問題，請稍後再試',
    });
  });

  it('hides a reply that breaks its own schema', async () => {
    await expectEnvelope({ url: '/api/v1/test/bad-reply?lang=en' }, 500, {
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side; try again soon',
    });
    expect(
      t
        .logs()
        .some(
          (line) =>
            line.msg === 'request failed' && JSON.stringify(line.err).includes('FST_ERR_RESPONSE_SERIALIZATION'),
        ),
    ).toBe(true);
  });

  it('passes a domain 503 through with its own code', async () => {
    await expectEnvelope({ url: '/api/v1/test/unavailable?lang=en' }, 503, {
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is unavailable for a moment; try again soon',
    });
  });
});
