import { healthSchema } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../fixtures/database';
import { buildTestApp, type TestApp } from '../helper';

const dialect = onPostgres ? 'postgres' : 'sqlite';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it(`reports the service and a working ${dialect} database`, async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = healthSchema.parse(res.json());
    expect(body).toEqual({
      status: 'ok',
      version: '0.1.0',
      uptimeSeconds: expect.any(Number),
      database: { status: 'ok', dialect, latencyMs: expect.any(Number) },
    });
  });
});

describe('GET /api/v1/health with a broken database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('answers 503 degraded, in the same shape, and logs a warning', async () => {
    await t.app.db.destroy();
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(503);
    expect(healthSchema.parse(res.json())).toMatchObject({
      status: 'degraded',
      database: { status: 'error', dialect },
    });
    expect(t.logs().some((line) => line.level === 40 && line.msg === 'health check degraded')).toBe(true);
  });
});
