import { boundCardSchema, DEVICE_ID_HEADER, MAX_CARDS_PER_ACCOUNT } from '@cbc/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeSmsCode } from '../../src/auth/queries';
import { hitCounter } from '../../src/rate-counters/queries';
import { GENEROUS_AUTH_LIMITS, newDeviceId, newMainlandPhone, registerUser } from '../fixtures/accounts';
import { testClock } from '../fixtures/clock';
import { onPostgres } from '../fixtures/database';
import { bindCard, confirmCashier, createOrder, getOrder, payOrder, verifiedCard } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';

/**
 * Check-then-act sequences fired at once. SQLite runs one transaction at a time and hides these races;
 * on PostgreSQL (TEST_DATABASE_URL) the requests really overlap, each on its own pooled connection.
 */
const time = testClock('2026-12-02T06:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: time.clock, env: GENEROUS_AUTH_LIMITS });
});
afterAll(() => t.close());

const bind = (auth: Record<string, string>) => bindCard(t.app, auth);

const cardsOf = async (auth: Record<string, string>) => {
  const res = await t.app.inject({ url: '/api/v1/cards', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return boundCardSchema.array().parse(res.json<{ cards: unknown[] }>().cards);
};

describe(`races closed on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('binds eight cards at once: five bound, one of them default, three refused with CARD_LIMIT_REACHED', async () => {
    const { auth } = await registerUser(t.app);
    const replies = await Promise.all(Array.from({ length: 8 }, () => bind(auth)));
    const statuses = replies.map((res) => res.statusCode).sort();
    expect(statuses).toEqual([...Array(MAX_CARDS_PER_ACCOUNT).fill(201), 409, 409, 409]);
    for (const res of replies.filter((r) => r.statusCode === 409)) {
      expect(res.json<{ error: { code: string } }>().error.code).toBe('CARD_LIMIT_REACHED');
    }
    const cards = await cardsOf(auth);
    expect(cards).toHaveLength(MAX_CARDS_PER_ACCOUNT);
    expect(cards.filter((card) => card.isDefault)).toHaveLength(1);
  });

  it('makes each of five cards the default at once: all answer 200 and one card is the default', async () => {
    const { auth } = await registerUser(t.app);
    for (let i = 0; i < MAX_CARDS_PER_ACCOUNT; i += 1) expect((await bind(auth)).statusCode).toBe(201);
    const cards = await cardsOf(auth);
    const replies = await Promise.all(
      [...cards, ...cards].map((card) =>
        t.app.inject({ method: 'PATCH', url: `/api/v1/cards/${card.id}`, headers: auth, payload: { isDefault: true } }),
      ),
    );
    expect(replies.map((res) => res.statusCode)).toEqual(replies.map(() => 200));
    expect((await cardsOf(auth)).filter((card) => card.isDefault)).toHaveLength(1);
  });

  it('sends one SMS code when five devices ask for one phone at once; the others wait a minute', async () => {
    const phone = newMainlandPhone();
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sms-code',
          headers: { [DEVICE_ID_HEADER]: newDeviceId() },
          payload: { phone, purpose: 'register' },
        }),
      ),
    );
    const codes = replies.map((res) =>
      res.statusCode === 200 ? 'sent' : res.json<{ error: { code: string } }>().error.code,
    );
    expect(codes.sort()).toEqual([
      'SMS_CODE_TOO_SOON',
      'SMS_CODE_TOO_SOON',
      'SMS_CODE_TOO_SOON',
      'SMS_CODE_TOO_SOON',
      'sent',
    ]);
  });

  it('counts fifty hits on one key at once exactly fifty times', async () => {
    const hits = await Promise.all(
      Array.from({ length: 50 }, () => hitCounter(t.app.db, 'race-test', 60_000, time.clock())),
    );
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('does not use a code that expired after it was checked (the expiry is part of the atomic use)', async () => {
    const now = time.clock();
    await t.app.db
      .insertInto('smsCodes')
      .values({
        id: 'expired-code',
        phoneE164: '+8613900009999',
        purpose: 'register',
        codeHash: 'h',
        deviceId: 'd',
        createdAt: new Date(now.getTime() - 10 * 60_000).toISOString(),
        expiresAt: new Date(now.getTime() - 1).toISOString(),
        consumedAt: null,
      })
      .execute();
    expect(await consumeSmsCode(t.app.db, 'expired-code', 5, now.toISOString())).toBe(false);
  });
});

describe('rate counters', () => {
  it('are deleted by the background jobs once their window has ended', async () => {
    await hitCounter(t.app.db, 'short-lived', 1_000, time.clock());
    const keys = () => t.app.db.selectFrom('rateCounters').select('key').where('key', '=', 'short-lived').execute();
    expect(await keys()).toHaveLength(1);
    await t.app.jobs.runOnce(new Date(time.clock().getTime() + 2_000));
    expect(await keys()).toEqual([]);
  });
});

describe.runIf(onPostgres)('crediting beside another instance (PostgreSQL)', () => {
  const clock = testClock('2026-12-02T06:00:00.000Z');
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({
      clock: clock.clock,
      env: { CREDIT_DELAY_SECONDS: '60', JOB_INTERVAL_MS: '0', SIM_PROBE_RATE: '0' },
    });
  });
  afterAll(() => app.close());

  it('skips an order another instance holds instead of waiting for it, and credits it once it is free', async () => {
    const { auth } = await registerUser(app.app);
    const card = await verifiedCard(app.app, auth);
    const order = await createOrder(app.app, auth, { cardId: card.id, amountMinor: 10_000, method: 'wechatpay' });
    await payOrder(app.app, auth, order.id);
    await confirmCashier(app.app, auth, order.id, { outcome: 'success', password: '123456' });
    await app.app.jobs.runOnce(clock.clock());
    expect((await getOrder(app.app, auth, order.id)).state).toBe('paid');

    const due = new Date(clock.clock().getTime() + 61_000);
    const other = new pg.Client({
      connectionString: (app.config.database as { url: string }).url,
    });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from orders where id = $1 for update', [order.id]);
      const waited = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 5_000));
      expect(await Promise.race([app.app.ordersService.creditDue(due), waited])).toBe(0);
      await other.query('commit');
    } finally {
      await other.end();
    }
    expect(await app.app.ordersService.creditDue(due)).toBe(1);
    expect(await app.app.ordersService.creditDue(due)).toBe(0);
    expect((await getOrder(app.app, auth, order.id)).state).toBe('credited');
  });
});
