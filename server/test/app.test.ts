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

  it('sends security headers on API replies', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
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
