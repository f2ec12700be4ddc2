import { userSchema } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentUser } from '../../src/plugins/auth';
import { buildTestApp, type TestApp } from '../helper';
import { GENEROUS_AUTH_LIMITS, registerUser } from '../fixtures/accounts';

// Requests a cached session answers share one frozen user (src/auth/service.ts, contextOf), and GET /me keeps
// the reply it made from it. A minute's cache, so both requests below are answered by the same row.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    env: { SESSION_CACHE_MS: '60000', ...GENEROUS_AUTH_LIMITS },
    configure(app) {
      // Registered after the auth plugin, whose hook it needs.
      app.register(async (scope) => {
        scope.get('/test/rename-me', { onRequest: [scope.requireAuth] }, (request) => {
          (currentUser(request) as { email: string | null }).email = 'changed@example.com';
          return { changed: true };
        });
      });
    },
  });
});
afterAll(() => t.close());

const me = async (auth: Record<string, string>) => {
  const res = await t.app.inject({ url: '/api/v1/me', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return userSchema.parse(res.json());
};

describe('the user of a cached session', () => {
  it('cannot be changed by a route for the requests after it: the change throws instead', async () => {
    const { auth } = await registerUser(t.app, { email: 'first@example.com' });
    expect((await me(auth)).email).toBe('first@example.com');
    const tried = await t.app.inject({ url: '/test/rename-me', headers: auth });
    expect(tried.statusCode).toBe(500);
    expect((await me(auth)).email).toBe('first@example.com');
  });

  it('answers GET /me from its kept reply only while the session lasts: after logout, 401', async () => {
    const { auth, phone } = await registerUser(t.app);
    const before = await me(auth);
    expect(before.phone).toMatch(new RegExp(`${phone.number}$`));
    expect(await me(auth)).toEqual(before);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth });
    expect(out.statusCode, out.body).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/me', headers: auth });
    expect(after.statusCode).toBe(401);
  });
});
