import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { buildTestApp, type LogLine, type TestApp } from '../helper';
import { onPostgres } from '../fixtures/database';
import { GENEROUS_AUTH_LIMITS, registerUser, wechatUser } from '../fixtures/accounts';

// Sessions answer from memory for SESSION_CACHE_MS after they are read (src/auth/session-cache.ts). These
// tests hold what keeps that safe: a change another process makes in the database is seen within that
// time, and on PostgreSQL every instance hears of a change at once, or keeps nothing while it cannot hear.

const me = (app: App, token: string) =>
  app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

/** Asks until `app` answers 401, and says how long that took; gives up after `withinMs`. */
async function untilRefused(app: App, token: string, withinMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { statusCode } = await me(app, token);
    const waited = performance.now() - started;
    if (statusCode === 401) return waited;
    expect(statusCode).toBe(200);
    if (waited > withinMs) throw new Error(`still 200 after ${Math.round(waited)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Ends a user's sessions as another process would: straight in the database, no instance told. */
async function revokeBehindTheServersBack(app: App, userId: string): Promise<void> {
  await app.db
    .updateTable('sessions')
    .set({ revokedAt: new Date().toISOString() })
    .where('userId', '=', userId)
    .execute();
}

describe('sessions changed behind the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { SESSION_CACHE_MS: '300' } });
  });
  afterAll(() => t.close());

  it('are refused within SESSION_CACHE_MS of the change', async () => {
    const user = await wechatUser(t.app);
    expect((await me(t.app, user.token)).statusCode).toBe(200);
    await revokeBehindTheServersBack(t.app, user.userId);
    // 300 ms and the time to ask again: nothing announced this change, only the cache's age ends it.
    await untilRefused(t.app, user.token, 2_000);
  });
});

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: App;
  const bLogs: string[] = [];
  const logMessages = () => bLogs.map((line) => (JSON.parse(line) as LogLine).msg);
  const LISTENING_AGAIN = 'session changes: listening again; sessions are cached again';
  // A minute: any change B sees within the test came through the database's announcements.
  const env = { SESSION_CACHE_MS: '60000', JOB_INTERVAL_MS: '0', ...GENEROUS_AUTH_LIMITS };
  const listeners = async () => {
    const { rows } = await sql<{ count: string }>`
      select count(*) as count from pg_stat_activity
      where datname = current_database() and application_name = 'cbc-listen-cbc_session_changes'`.execute(a.app.db);
    return Number(rows[0]?.count);
  };

  beforeAll(async () => {
    a = await buildTestApp({ env });
    b = buildApp(a.config, { logStream: { write: (line: string) => void bLogs.push(line) } });
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('ends a session on B as soon as it is logged out on A', async () => {
    const user = await wechatUser(a.app);
    expect((await me(b, user.token)).statusCode).toBe(200);
    const logout = await a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(logout.statusCode).toBe(204);
    expect(await untilRefused(b, user.token, 5_000)).toBeLessThan(5_000);
  });

  it('shows on B the phone linked on A', async () => {
    const user = await wechatUser(a.app);
    expect((await me(b, user.token)).json()).toMatchObject({ phone: null });
    const { session } = await registerUser(a.app, { headers: { authorization: `Bearer ${user.token}` } });
    let shown: unknown;
    for (let tries = 0; tries < 100; tries += 1) {
      shown = (await me(b, user.token)).json();
      if ((shown as { phone: string | null }).phone !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(shown).toEqual(session.user);
  });

  it('reads every session from the database while it cannot hear A, and keeps them again once it can', async () => {
    expect(await listeners()).toBe(2);
    await sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = 'cbc-listen-cbc_session_changes'
        and pid <> pg_backend_pid()`.execute(a.app.db);

    // Ended behind both servers' backs and not announced: only reading the database can see it.
    const unheard = await wechatUser(a.app);
    expect((await me(b, unheard.token)).statusCode).toBe(200);
    await revokeBehindTheServersBack(a.app, unheard.userId);
    expect(await untilRefused(b, unheard.token, 5_000)).toBeLessThan(5_000);
    expect(logMessages()).toContain('session changes: connection lost; every request reads its session');

    // B listens again within its one-second retry; then it keeps sessions again, and hears announcements.
    for (let tries = 0; tries < 100 && !logMessages().includes(LISTENING_AGAIN); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logMessages()).toContain(LISTENING_AGAIN);
    const heard = await wechatUser(a.app);
    expect((await me(b, heard.token)).statusCode).toBe(200);
    await revokeBehindTheServersBack(a.app, heard.userId);
    expect((await me(b, heard.token)).statusCode).toBe(200);
    await sql`select pg_notify('cbc_session_changes', ${heard.userId})`.execute(a.app.db);
    expect(await untilRefused(b, heard.token, 5_000)).toBeLessThan(5_000);
  });
});
