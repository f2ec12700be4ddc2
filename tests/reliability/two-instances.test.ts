import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEVICE_ID_HEADER,
  boundCardSchema,
  generateCardNumber,
  generateMainlandId,
  messageListSchema,
  orderSchema,
  sessionSchema,
  smsCodeReplySchema,
} from '@cbc/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindVerifiedCardThroughApi, registerThroughApi } from '../support/accounts';
import { callApi, okApi } from '../support/api';
import { startServer, type RunningServer } from '../support/server';

/**
 * Two server processes behind one PostgreSQL database, as behind a load balancer: a user's requests
 * land on either, both run the background jobs, and every promise still holds — codes and card
 * numbers hash alike (one APP_SECRET), brakes count across both, each order is credited once. They
 * share one DATA_DIR, as instances share a volume: it holds the simulated payment platforms' keys and
 * the ID photos (nothing of the database).
 * `npm test` runs this file with TEST_DATABASE_URL set (scripts/with-postgres.mjs).
 */
const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('two instances on one PostgreSQL database', () => {
  const name = `cbc_two_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-two-instances-'));
  let databaseUrl: string;
  const servers: RunningServer[] = [];
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin((client) => client.query(`create database ${name}`));
    const url = new URL(adminUrl as string);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const env = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      APP_SECRET: 'two-instances-share-this-secret-0123456789',
      DATABASE_POOL_SIZE: '5',
      CREDIT_DELAY_SECONDS: '1',
      JOB_INTERVAL_MS: '50',
      SIM_PROBE_RATE: '0',
      RATE_LIMIT_LOGIN_PHONE: '3/15m',
      LOG_LEVEL: 'warn',
    };
    // Started together: both migrate at once, and one waits for the other's migration lock.
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    if (adminUrl) await admin((client) => client.query(`drop database if exists ${name} with (force)`));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves one user from both, brakes across both, and credits every order exactly once', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const phone = { region: 'CN', number: '13700137111' };
    const device = { [DEVICE_ID_HEADER]: 'two-instances-device-0001' };
    // The code is sent by one instance and checked by the other: both hash with the same key.
    const sms = smsCodeReplySchema.parse(
      await okApi(a, 'POST', '/api/v1/auth/sms-code', { body: { phone, purpose: 'register' }, headers: device }),
    );
    const smsCode = /(\d{6})/.exec(sms.message.body)?.[1];
    const { token } = sessionSchema.parse(
      await okApi(b, 'POST', '/api/v1/auth/register', {
        body: { phone, password: 'twice2026ok', smsCode },
        headers: device,
      }),
    );
    // "One code a minute" holds across instances.
    const again = await callApi<{ error: { code: string } }>(b, 'POST', '/api/v1/auth/sms-code', {
      body: { phone, purpose: 'reset_password' },
      headers: device,
    });
    expect(again.status).toBe(200);
    const tooSoon = await callApi<{ error: { code: string } }>(a, 'POST', '/api/v1/auth/sms-code', {
      body: { phone, purpose: 'reset_password' },
      headers: device,
    });
    expect([tooSoon.status, tooSoon.body.error.code]).toEqual([429, 'SMS_CODE_TOO_SOON']);

    const number = generateCardNumber('zhonggangtong', '66666666666');
    const card = await bindVerifiedCardThroughApi(a.baseUrl, token, { number });
    // The same card number through the other instance is recognised as already bound.
    const twice = await callApi<{ error: { code: string } }>(b, 'POST', '/api/v1/cards', {
      token,
      body: {
        type: 'zhonggangtong',
        number,
        plates: [{ region: 'mainland', number: '粤B·54321' }],
        idDocument: { type: 'mainland_id', number: generateMainlandId('440304', '19900101', '123') },
      },
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CARD_ALREADY_BOUND']);

    const amounts = [10_000, 20_000, 30_000, 50_000, 10_000, 20_000];
    const orderIds = await Promise.all(
      amounts.map(async (amountMinor, i) => {
        const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
        const order = orderSchema.parse(
          await okApi(first, 'POST', '/api/v1/orders', {
            token,
            body: { cardId: card.id, amountMinor, method: i % 3 === 0 ? 'alipay' : 'wechatpay' },
            headers: { 'idempotency-key': `two-instances-order-${i}` },
          }),
        );
        await okApi(second, 'POST', `/api/v1/orders/${order.id}/pay`, { token });
        await okApi(first, 'POST', `/api/v1/orders/${order.id}/cashier/confirm`, {
          token,
          body: { outcome: 'success', password: '123456' },
        });
        return order.id;
      }),
    );
    const states = async () =>
      Promise.all(
        orderIds.map(async (id) => orderSchema.parse(await okApi(b, 'GET', `/api/v1/orders/${id}`, { token })).state),
      );
    await expect.poll(states, { timeout: 30_000, interval: 200 }).toEqual(orderIds.map(() => 'credited'));
    // More job runs on both: a second crediting would show in the balance, the ledger and the inbox.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const total = amounts.reduce((sum, amount) => sum + amount, 0);
    const balance = boundCardSchema.parse(await okApi(a, 'GET', `/api/v1/cards/${card.id}`, { token })).balance;
    expect(balance.amountMinor).toBe(total);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const topups = await db
      .query<{ n: number }>(`select count(*)::int as n from ledger_entries where kind = 'topup' group by order_id`)
      .finally(() => db.end());
    expect(topups.rows.map((row) => row.n)).toEqual(orderIds.map(() => 1));
    const inbox = messageListSchema.parse(await okApi(b, 'GET', '/api/v1/messages', { token }));
    expect(inbox.messages.filter((message) => message.kind === 'topup_sms')).toHaveLength(amounts.length);

    // Wrong passwords counted across instances: two on one, one on the other, then the pair is braked.
    const wrong = (server: RunningServer) =>
      callApi(server, 'POST', '/api/v1/auth/login', { body: { phone, password: 'Wrong-pass-1' } });
    expect((await wrong(a)).status).toBe(401);
    expect((await wrong(b)).status).toBe(401);
    expect((await wrong(a)).status).toBe(401);
    expect((await wrong(b)).status).toBe(429);
  });

  it('holds a card’s monthly cap across both: orders and cancels at once on either, the total is what the orders add up to', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const { token } = await registerThroughApi(a.baseUrl, { phone: '13700137222', password: 'twice2026cap' });
    const card = await bindVerifiedCardThroughApi(b.baseUrl, token, {
      number: generateCardNumber('zhonggangtong', '77777777777'),
    });
    const create = (server: RunningServer) =>
      callApi<{ id: string; error?: { code: string } }>(server, 'POST', '/api/v1/orders', {
        token,
        body: { cardId: card.id, amountMinor: 200_000, method: 'wechatpay' },
      });
    // ¥10,000 a month, ¥2,000 each: twelve at once, six on each instance, five fit.
    const first = await Promise.all(Array.from({ length: 12 }, (_, i) => create(i % 2 === 0 ? a : b)));
    const created = first.filter((reply) => reply.status === 201).map((reply) => reply.body.id);
    expect(created).toHaveLength(5);
    expect(first.filter((reply) => reply.status === 409).map((reply) => reply.body.error?.code)).toEqual(
      Array.from({ length: 7 }, () => 'MONTHLY_CAP_EXCEEDED'),
    );
    // Two cancelled on one instance while six more are asked for on both: at most two of them fit.
    const [x, y] = created as [string, string];
    const second = await Promise.all([
      callApi(a, 'POST', `/api/v1/orders/${x}/cancel`, { token }),
      ...Array.from({ length: 6 }, (_, i) => create(i % 2 === 0 ? b : a)),
      callApi(b, 'POST', `/api/v1/orders/${y}/cancel`, { token }),
    ]);
    expect([second[0]?.status, second[7]?.status]).toEqual([200, 200]);
    expect(second.slice(1, 7).filter((reply) => reply.status === 201).length).toBeLessThanOrEqual(2);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const counted = await db.query<{ sum: number }>(
        `select coalesce(sum(amount_minor), 0)::int as sum from orders
         where card_id = $1 and state in ('created', 'paying', 'paid', 'credited')`,
        [card.id],
      );
      // Summed over months on both sides: the same answer if the test ran across a month's end.
      const total = await db.query<{ sum: number }>(
        'select coalesce(sum(ordered_minor), 0)::int as sum from card_month_totals where card_id = $1',
        [card.id],
      );
      expect(total.rows[0]?.sum).toBe(counted.rows[0]?.sum);
      expect(counted.rows[0]?.sum).toBeLessThanOrEqual(1_000_000);
    } finally {
      await db.end();
    }
  });
});
