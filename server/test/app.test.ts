import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from './fixtures/database';
import { buildTestApp, type TestApp } from './helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('buildApp', () => {
  it('logs each request at info, as structured JSON', async () => {
    await t.app.inject({ url: '/api/v1/health', headers: { 'x-test': 'request-log' } });
    const lines = t.logs();
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: 'incoming request',
        req: expect.objectContaining({ url: '/api/v1/health' }),
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 30, msg: 'request completed', res: { statusCode: 200 } }),
    );
  });

  it('redacts credentials wherever request headers get logged', () => {
    // Fastify's own request serializer logs no headers; code that logs them gets them redacted.
    t.app.log.info({ headers: { authorization: 'Bearer s3cret', cookie: 'sid=s3cret', host: 'x' } }, 'headers');
    const line = t.logs().find((l) => l.msg === 'headers');
    expect(line?.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', host: 'x' });
    expect(JSON.stringify(t.logs())).not.toContain('s3cret');
  });

  it('sends an API reply the headers of a JSON reply, and a document helmet’s policy', async () => {
    const api = await t.app.inject({ url: '/api/v1/health' });
    expect(api.headers).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    // Headers that steer a rendered document only.
    for (const name of [
      'referrer-policy',
      'cross-origin-opener-policy',
      'x-dns-prefetch-control',
      'x-xss-protection',
    ]) {
      expect(api.headers[name], name).toBeUndefined();
    }
    const docs = await t.app.inject({ url: '/docs' });
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
    expect(docs.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
  });

  it('exposes the configuration and the database to plugins', () => {
    expect(t.app.config.database).toEqual(
      onPostgres
        ? { dialect: 'postgres', url: expect.stringMatching(/^postgres:\/\//), poolSize: 10 }
        : { dialect: 'sqlite', file: `${t.dataDir}/app.sqlite` },
    );
    expect(t.app.db).toBeDefined();
  });
});
