import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        responses: Record<string, unknown>;
        tags?: string[];
        security?: unknown;
        requestBody?: unknown;
      }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

describe('GET /api/v1/openapi.json', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  it('is OpenAPI 3 with the product, its version and the simulation notice', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toContain('跨境卡续费助手');
    expect(doc.info.version).toBe('0.1.0');
    expect(doc.info.description).toContain('practice simulation: nothing is ever charged');
    expect(doc.info.description).toContain('仅为模拟练习');
  });

  it('documents exactly the API routes, not /docs, the static files or itself', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/password-reset',
      '/api/v1/auth/register',
      '/api/v1/auth/sms-code',
      '/api/v1/auth/wechat',
      '/api/v1/cards',
      '/api/v1/cards/{id}',
      '/api/v1/cards/{id}/auto-topup',
      '/api/v1/cards/{id}/id-photo',
      '/api/v1/cards/{id}/months',
      '/api/v1/cards/{id}/reminder',
      '/api/v1/cards/{id}/statements/{month}',
      '/api/v1/cards/{id}/topup-options',
      '/api/v1/cards/{id}/transactions',
      '/api/v1/cards/{id}/transactions.csv',
      '/api/v1/cards/{id}/trips',
      '/api/v1/channels',
      '/api/v1/guides',
      '/api/v1/guides/{slug}',
      '/api/v1/health',
      '/api/v1/me',
      '/api/v1/messages',
      '/api/v1/messages/read',
      '/api/v1/orders',
      '/api/v1/orders/{id}',
      '/api/v1/orders/{id}/cancel',
      '/api/v1/orders/{id}/cashier/confirm',
      '/api/v1/orders/{id}/cashier/sms-code',
      '/api/v1/orders/{id}/pay',
      '/api/v1/payments/alipay/notify',
      '/api/v1/payments/bankcard/notify',
      '/api/v1/payments/wechatpay/notify',
      '/api/v1/transactions',
      '/api/v1/transactions/months',
      '/api/v1/transactions/{id}',
      '/api/v1/transactions/{id}/resend',
    ]);
    expect(Object.keys(doc.paths['/api/v1/cards/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(doc.paths['/api/v1/cards'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('marks authenticated routes with the bearer scheme, optional ones as such, public ones not at all', () => {
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    const security = (path: string, method: string) => doc.paths[path]?.[method]?.security;
    for (const [path, method] of [
      ['/api/v1/me', 'get'],
      ['/api/v1/auth/logout', 'post'],
      ['/api/v1/cards', 'get'],
      ['/api/v1/cards', 'post'],
      ['/api/v1/cards/{id}', 'patch'],
      ['/api/v1/cards/{id}/id-photo', 'post'],
    ] as const)
      expect(security(path, method), `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
    expect(security('/api/v1/messages', 'get')).toEqual([{}, { bearerAuth: [] }]);
    expect(security('/api/v1/auth/register', 'post')).toEqual([{}, { bearerAuth: [] }]);
    expect(security('/api/v1/auth/login', 'post')).toBeUndefined();
    expect(security('/api/v1/auth/password-reset', 'post')).toBeUndefined();
    expect(security('/api/v1/guides', 'get')).toBeUndefined();
  });

  it('documents the request bodies and the error replies of the new routes', () => {
    const post = (path: string) => doc.paths[path]?.post;
    expect(Object.keys(post('/api/v1/auth/sms-code')?.responses ?? {}).sort()).toEqual(['200', '400', '409', '429']);
    expect(Object.keys(post('/api/v1/cards/{id}/id-photo')?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '404',
      '413',
      '415',
    ]);
    expect(Object.keys(post('/api/v1/auth/password-reset')?.responses ?? {}).sort()).toEqual(['200', '400', '429']);
    expect(post('/api/v1/cards')?.requestBody).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Session', 'User', 'SmsCodeReply', 'MessageList', 'BoundCard', 'CardList', 'Money']),
    );
  });

  it('lists the parameters of each route from the shared contracts', () => {
    const params = (path: string) =>
      (doc.paths[path]?.get?.parameters ?? [])
        .map((p) => `${p.in}:${p.name}:${p.required ? 'required' : 'optional'}`)
        .sort();
    expect(params('/api/v1/guides')).toEqual(['query:card:required', 'query:lang:optional']);
    expect(params('/api/v1/channels')).toEqual(['query:card:required', 'query:lang:optional']);
    expect(params('/api/v1/guides/{slug}')).toEqual(['path:slug:required', 'query:lang:optional']);
    expect(params('/api/v1/health')).toEqual([]);
  });

  it('describes every reply status, errors included, with named schemas', () => {
    expect(Object.keys(doc.paths['/api/v1/guides/{slug}']?.get?.responses ?? {}).sort()).toEqual([
      '200',
      '304',
      '400',
      '404',
    ]);
    expect(Object.keys(doc.paths['/api/v1/health']?.get?.responses ?? {}).sort()).toEqual(['200', '503']);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Guide', 'GuideList', 'ChannelList', 'Health', 'ErrorEnvelope']),
    );
  });
});

describe('GET /docs', () => {
  it('serves the interactive API page and its assets from this server', async () => {
    const page = await t.app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');

    const css = await t.app.inject({ url: '/docs/static/swagger-ui.css' });
    expect(css.statusCode).toBe(200);
    const init = await t.app.inject({ url: '/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    const json = await t.app.inject({ url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths)).toContain('/api/v1/guides');
  });

  it('sends a CSP that keeps the page working: own scripts, inline styles, data: images', async () => {
    const csp = (await t.app.inject({ url: '/docs' })).headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
