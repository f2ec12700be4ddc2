import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  autoTopupSchema,
  cardListSchema,
  messageListSchema,
  orderListSchema,
  sessionSchema,
  transactionPageSchema,
  type Transaction,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { DEMO_LOGIN, DEMO_UNREAD, seedDemo, type DemoSummary } from '../../src/demo/seed';
import { expectBalancesMatchLedger } from '../fixtures/topup';

// The walk ends here; it starts thirteen weeks before.
const NOW = new Date('2026-12-01T04:00:00.000Z');
let dataDir: string;
let summary: DemoSummary;
let app: App;
let auth: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cbc-demo-test-'));
  summary = await seedDemo(dataDir, { now: NOW });
  // A second app on the seeded folder, as `npm run demo` starts the real server on it.
  app = buildApp(
    loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      JOB_INTERVAL_MS: '0',
      STATIC_DIR: path.join(dataDir, 'none'),
    }),
    { clock: () => NOW },
  );
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run demo: the seeded account', () => {
  it('logs in with the printed phone and password', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: DEMO_LOGIN.phone, password: DEMO_LOGIN.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    const session = sessionSchema.parse(res.json());
    expect(session.user).toMatchObject({ id: summary.userId, email: DEMO_LOGIN.email });
    auth = { authorization: `Bearer ${session.token}` };
  });

  it('has a 中港通卡 and a 遠遊卡, verified, with auto top-up on for the first', async () => {
    const res = await app.inject({ url: '/api/v1/cards', headers: auth });
    const { cards } = cardListSchema.parse(res.json());
    expect(cards.map((card) => card.type).sort()).toEqual(['yuanyou', 'zhonggangtong']);
    expect(cards.every((card) => card.verification === 'verified')).toBe(true);
    const zgt = cards.find((card) => card.type === 'zhonggangtong');
    const auto = await app.inject({ url: `/api/v1/cards/${zgt?.id}/auto-topup`, headers: auth });
    expect(autoTopupSchema.parse(auto.json())).toMatchObject({ enabled: true, method: 'wechatpay' });
  });

  it('holds three months of trips and top-ups, every balance equal to its ledger', async () => {
    const all: Transaction[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
      const res = await app.inject({ url: `/api/v1/transactions${query}`, headers: auth });
      expect(res.statusCode, res.body).toBe(200);
      const page = transactionPageSchema.parse(res.json());
      all.push(...page.transactions);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all.map((entry) => entry.id)).size).toBe(all.length);
    expect(all.filter((entry) => entry.kind === 'trip')).toHaveLength(summary.trips);
    expect(all.filter((entry) => entry.kind === 'topup')).toHaveLength(summary.topups);
    const times = all.map((entry) => Date.parse(entry.createdAt));
    const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(80);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    // Both cards are used, and some trips were made every month.
    expect(new Set(all.map((entry) => entry.cardType))).toEqual(new Set(['zhonggangtong', 'yuanyou']));
    expect(new Set(all.map((entry) => entry.createdAt.slice(0, 7))).size).toBeGreaterThanOrEqual(3);
    await expectBalancesMatchLedger(app);
    for (const card of summary.cards) {
      expect(card.balanceMinor).toBe(await app.ledgerService.sumOfEntries(card.id));
    }
  });

  it('was made the way a user would: a declined trip, an expired order, receipts in the inbox', async () => {
    expect(summary.declinedTrips).toBe(1);
    expect(summary.expiredOrders).toBe(1);
    const { orders } = orderListSchema.parse((await app.inject({ url: '/api/v1/orders', headers: auth })).json());
    expect(orders.filter((order) => order.state === 'credited')).toHaveLength(summary.topups);
    expect(orders.filter((order) => order.state === 'closed' && order.endReason === 'expired')).toHaveLength(1);
    expect(orders.filter((order) => order.state === 'credited').every((order) => order.receipt !== null)).toBe(true);
    const inbox = messageListSchema.parse((await app.inject({ url: '/api/v1/messages', headers: auth })).json());
    const count = (kind: string) => inbox.messages.filter((message) => message.kind === kind).length;
    expect(count('topup_sms')).toBe(summary.topups);
    expect(count('topup_email')).toBe(summary.topups);
    expect(count('trip_receipt')).toBe(summary.trips);
    expect(count('low_balance')).toBeGreaterThan(0);
  });

  it('has read its inbox but for the newest few messages', async () => {
    const inbox = messageListSchema.parse((await app.inject({ url: '/api/v1/messages', headers: auth })).json());
    expect(inbox.unreadCount).toBe(DEMO_UNREAD);
    const newestFirst = [...inbox.messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    expect(newestFirst.slice(0, DEMO_UNREAD).every((message) => message.readAt === null)).toBe(true);
    expect(newestFirst.slice(DEMO_UNREAD).every((message) => message.readAt !== null)).toBe(true);
  });
});
