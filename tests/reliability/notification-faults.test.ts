import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cashierConfirmReplySchema, orderSchema, type Order } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_RATE_LIMITS, benchUsers, type BenchCard } from '../bench/accounts';
import { call } from '../bench/http';
import { checkLedger } from '../bench/ledger-check';
import { startNotifyProxy, type NotifyProxy } from '../support/notify-proxy';
import { startServer, type RunningServer } from '../support/server';

// Payment notifications travel over a network that loses, repeats, reorders and delays messages.
// The real server runs with its public address behind a proxy (tests/support/notify-proxy.ts) that
// does each of these to the simulated WeChat Pay's notifications. Whatever arrives, and in whatever
// order, each paid order is credited exactly once and nothing else.

const AMOUNT_MINOR = 5_000;
/** The shortest order lifetime the server accepts, so "past expiry" comes within a test's wait. */
const ORDER_TTL_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('payment notifications lost, duplicated, reordered and delayed past expiry', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-notify-faults-'));
  let proxy: NotifyProxy;
  let server: RunningServer | undefined;
  let cards: BenchCard[];
  /** Made first, paid last: its notification is held until the order has expired. */
  let lateOrder: Order;
  let lateOrderCreatedAt: number;

  const createOrder = async (card: BenchCard) =>
    orderSchema.parse(
      await call('POST', `${server?.baseUrl}/api/v1/orders`, {
        token: card.token,
        headers: { 'idempotency-key': `notify-fault-${Math.random().toString(36).slice(2)}` },
        body: { cardId: card.cardId, amountMinor: AMOUNT_MINOR, method: 'wechatpay' },
      }),
    );
  const pay = async (card: BenchCard, order: Order) => {
    await call('POST', `${server?.baseUrl}/api/v1/orders/${order.id}/pay`, { token: card.token });
    const reply = cashierConfirmReplySchema.parse(
      await call('POST', `${server?.baseUrl}/api/v1/orders/${order.id}/cashier/confirm`, {
        token: card.token,
        body: { outcome: 'success', password: '123456' },
      }),
    );
    expect(reply.result).toBe('ok');
  };
  const stateOf = async (card: BenchCard, order: Order) =>
    orderSchema.parse(await call('GET', `${server?.baseUrl}/api/v1/orders/${order.id}`, { token: card.token })).state;
  const balanceOf = async (card: BenchCard) =>
    (
      await call<{ balance: { amountMinor: number } }>('GET', `${server?.baseUrl}/api/v1/cards/${card.cardId}`, {
        token: card.token,
      })
    ).balance.amountMinor;

  beforeAll(async () => {
    proxy = await startNotifyProxy();
    server = await startServer({
      ...OPEN_RATE_LIMITS,
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: proxy.origin,
      ORDER_TTL_MINUTES: String(ORDER_TTL_MS / 60_000),
      CREDIT_DELAY_SECONDS: '0',
      JOB_INTERVAL_MS: '100',
      SIM_PROBE_RATE: '0',
      LOG_LEVEL: 'warn',
    });
    proxy.target = server.baseUrl;
    cards = (await benchUsers(server.baseUrl, 1)).flatMap((user) => user.cards);
    lateOrderCreatedAt = Date.now();
    lateOrder = await createOrder(cards[4] as BenchCard);
  });

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lost: every delivery dropped, the query job finds the payment and credits it once', async () => {
    const card = cards[0] as BenchCard;
    proxy.mode = 'drop';
    const order = await createOrder(card);
    await pay(card, order);
    // The platform keeps retrying (15 s, 15 s, 30 s… sped up 60×) into the void; the server asks after 10 s.
    await expect.poll(() => stateOf(card, order), { timeout: 30_000, interval: 250 }).toBe('credited');
    expect(proxy.counts.drop).toBeGreaterThanOrEqual(2);
    // The network heals: the platform's next retry arrives at an order already credited.
    proxy.mode = 'pass';
    await sleep(4_000);
    expect(await balanceOf(card)).toBe(AMOUNT_MINOR);
  });

  it('duplicated: three copies at once, then five replays after crediting, credit once', async () => {
    const card = cards[1] as BenchCard;
    proxy.mode = 'duplicate';
    const order = await createOrder(card);
    await pay(card, order);
    await expect.poll(() => stateOf(card, order), { timeout: 10_000, interval: 100 }).toBe('credited');
    proxy.mode = 'pass';
    const replays = await Promise.all(Array.from({ length: 5 }, () => proxy.replayLast()));
    // Acknowledged (2xx), so the platform stops resending; not applied a second time.
    expect(replays.map((reply) => reply.status < 300)).toEqual(Array(5).fill(true));
    expect(await balanceOf(card)).toBe(AMOUNT_MINOR);
  });

  it('reordered: four payments whose notifications arrive newest first are each credited once', async () => {
    const group = cards.slice(0, 4);
    const before = await Promise.all(group.map(balanceOf));
    proxy.mode = 'hold';
    const orders = await Promise.all(group.map(createOrder));
    for (const [index, order] of orders.entries()) await pay(group[index] as BenchCard, order);
    // Every notification has had its first attempt (the jobs run every 100 ms) and a retry or two,
    // all held; released well before the server's own query after 10 s, so the notifications credit.
    await sleep(1_500);
    expect(proxy.held()).toBeGreaterThanOrEqual(4);
    const replies = await proxy.release((held) => [...held].reverse());
    proxy.mode = 'pass';
    expect(replies.map((reply) => reply.status < 300)).toEqual(replies.map(() => true));
    for (const [index, order] of orders.entries()) {
      await expect.poll(() => stateOf(group[index] as BenchCard, order), { timeout: 10_000 }).toBe('credited');
    }
    expect(await Promise.all(group.map(balanceOf))).toEqual(before.map((minor) => minor + AMOUNT_MINOR));
  });

  it('delayed past expiry: paid just before the order expires, its notification arrives after; credited once', async () => {
    const card = cards[4] as BenchCard;
    // Pay ten seconds before the order's lifetime ends; hold every notification until well after it.
    await sleep(Math.max(0, lateOrderCreatedAt + ORDER_TTL_MS - 10_000 - Date.now()));
    proxy.mode = 'hold';
    await pay(card, lateOrder);
    await sleep(Math.max(0, lateOrderCreatedAt + ORDER_TTL_MS + 5_000 - Date.now()));
    expect(Date.now()).toBeGreaterThan(Date.parse(lateOrder.expiresAt));
    // Meanwhile the server asked the platform itself (query, or close on expiry, which answers "paid"):
    // the order is credited, never closed.
    await expect.poll(() => stateOf(card, lateOrder), { timeout: 15_000, interval: 250 }).toBe('credited');
    expect(proxy.held()).toBeGreaterThanOrEqual(1);
    const late = await proxy.release();
    proxy.mode = 'pass';
    expect(late.map((reply) => reply.status < 300)).toEqual(late.map(() => true));
    expect(await stateOf(card, lateOrder)).toBe('credited');
    expect(await balanceOf(card)).toBe(AMOUNT_MINOR);
  });

  it('leaves the file intact: each payment the platform took credited once, balances equal to the ledger', async () => {
    await server?.stop();
    server = undefined;
    const check = checkLedger(dataDir, []);
    console.log(
      `notification faults: ${JSON.stringify(proxy.counts)} notifications by what the network did; ` +
        `orders ${JSON.stringify(check.byState)}`,
    );
    expect(check.byState).toEqual({ credited: 7 });
    expect(check.integrity).toBe('ok');
    expect(check.paidNotCredited).toBe(0);
    expect(check.creditedNotPaid).toBe(0);
    expect(check.wrongEntries).toBe(0);
    expect(check.wrongBalances).toBe(0);
    expect(check.receipts).toBe(7);
  });
});
