import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cashierConfirmReplySchema, orderSchema, type Order } from '@cbc/shared';
import type { ExpectStatic } from 'vitest';
import { OPEN_RATE_LIMITS, benchUsers, type BenchCard } from '../../bench/accounts';
import { call } from '../../bench/http';
import { checkLedger } from '../../bench/ledger-check';
import { startNotifyProxy } from '../../support/notify-proxy';
import { startServer, type RunningServer } from '../../support/server';

// Payment notifications travel over a network that loses, repeats, reorders and delays messages.
// The real server runs with its public address behind a proxy (tests/support/notify-proxy.ts) that
// does each of these to the simulated WeChat Pay's notifications. Whatever arrives, and in whatever
// order, each paid order is credited exactly once and nothing else.

const AMOUNT_MINOR = 5_000;
/** The shortest order lifetime the server accepts, so "past expiry" comes within a test's wait. */
const ORDER_TTL_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The four faults one after another on one server (the proxy has one mode at a time), then the file. */
export async function notificationFaults(expect: ExpectStatic): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-notify-faults-'));
  const proxy = await startNotifyProxy();
  let server: RunningServer | undefined;
  try {
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
    const base = server.baseUrl;
    proxy.target = base;

    const createOrder = async (card: BenchCard) =>
      orderSchema.parse(
        await call('POST', `${base}/api/v1/orders`, {
          token: card.token,
          headers: { 'idempotency-key': `notify-fault-${Math.random().toString(36).slice(2)}` },
          body: { cardId: card.cardId, amountMinor: AMOUNT_MINOR, method: 'wechatpay' },
        }),
      );
    const pay = async (card: BenchCard, order: Order) => {
      await call('POST', `${base}/api/v1/orders/${order.id}/pay`, { token: card.token });
      const reply = cashierConfirmReplySchema.parse(
        await call('POST', `${base}/api/v1/orders/${order.id}/cashier/confirm`, {
          token: card.token,
          body: { outcome: 'success', password: '123456' },
        }),
      );
      expect(reply.result).toBe('ok');
    };
    const stateOf = async (card: BenchCard, order: Order) =>
      orderSchema.parse(await call('GET', `${base}/api/v1/orders/${order.id}`, { token: card.token })).state;
    const balanceOf = async (card: BenchCard) =>
      (
        await call<{ balance: { amountMinor: number } }>('GET', `${base}/api/v1/cards/${card.cardId}`, {
          token: card.token,
        })
      ).balance.amountMinor;

    const cards = (await benchUsers(base, 1)).flatMap((user) => user.cards);
    const card = (index: number) => cards[index] as BenchCard;
    // Made first, paid last: its notification is held until the order has expired.
    const lateOrderCreatedAt = Date.now();
    const lateOrder = await createOrder(card(4));

    // Lost: every delivery dropped. The platform keeps retrying (15 s, 15 s, 30 s… sped up 60×) into
    // the void; the server asks the platform itself after 10 s and credits the order once.
    proxy.mode = 'drop';
    const lost = await createOrder(card(0));
    await pay(card(0), lost);
    await expect
      .poll(() => stateOf(card(0), lost), { message: 'lost', timeout: 30_000, interval: 250 })
      .toBe('credited');
    expect(proxy.counts.drop, 'lost: deliveries dropped').toBeGreaterThanOrEqual(2);
    // The network heals: the platform's next retry arrives at an order already credited.
    proxy.mode = 'pass';
    await sleep(4_000);
    expect(await balanceOf(card(0)), 'lost').toBe(AMOUNT_MINOR);

    // Duplicated: three copies at once, then five replays after crediting.
    proxy.mode = 'duplicate';
    const duplicated = await createOrder(card(1));
    await pay(card(1), duplicated);
    await expect
      .poll(() => stateOf(card(1), duplicated), { message: 'duplicated', timeout: 10_000, interval: 100 })
      .toBe('credited');
    proxy.mode = 'pass';
    const replays = await Promise.all(Array.from({ length: 5 }, () => proxy.replayLast()));
    // Acknowledged (2xx), so the platform stops resending; not applied a second time.
    expect(
      replays.map((reply) => reply.status < 300),
      'duplicated: replays acknowledged',
    ).toEqual(Array(5).fill(true));
    expect(await balanceOf(card(1)), 'duplicated').toBe(AMOUNT_MINOR);

    // Reordered: four payments whose notifications (and their retries) arrive newest first.
    const group = cards.slice(0, 4);
    const before = await Promise.all(group.map(balanceOf));
    proxy.mode = 'hold';
    const orders = await Promise.all(group.map(createOrder));
    for (const [index, order] of orders.entries()) await pay(card(index), order);
    // Every notification has had its first attempt (the jobs run every 100 ms) and a retry or two,
    // all held; released well before the server's own query after 10 s, so the notifications credit.
    await sleep(1_500);
    expect(proxy.held(), 'reordered: held').toBeGreaterThanOrEqual(4);
    const reversed = await proxy.release((held) => [...held].reverse());
    proxy.mode = 'pass';
    expect(
      reversed.map((reply) => reply.status < 300),
      'reordered: acknowledged',
    ).toEqual(reversed.map(() => true));
    for (const [index, order] of orders.entries()) {
      await expect.poll(() => stateOf(card(index), order), { message: 'reordered', timeout: 10_000 }).toBe('credited');
    }
    expect(await Promise.all(group.map(balanceOf)), 'reordered').toEqual(before.map((minor) => minor + AMOUNT_MINOR));

    // Delayed past expiry: paid ten seconds before the order's lifetime ends, every notification held
    // until after it. Meanwhile the server asks the platform itself (its query, or the close on expiry,
    // which answers "paid"): the order is credited, never closed, and the late copies change nothing.
    await sleep(Math.max(0, lateOrderCreatedAt + ORDER_TTL_MS - 10_000 - Date.now()));
    proxy.mode = 'hold';
    await pay(card(4), lateOrder);
    await sleep(Math.max(0, lateOrderCreatedAt + ORDER_TTL_MS + 5_000 - Date.now()));
    expect(Date.now()).toBeGreaterThan(Date.parse(lateOrder.expiresAt));
    await expect
      .poll(() => stateOf(card(4), lateOrder), { message: 'delayed', timeout: 15_000, interval: 250 })
      .toBe('credited');
    expect(proxy.held(), 'delayed: held').toBeGreaterThanOrEqual(1);
    const late = await proxy.release();
    proxy.mode = 'pass';
    expect(
      late.map((reply) => reply.status < 300),
      'delayed: acknowledged',
    ).toEqual(late.map(() => true));
    expect(await stateOf(card(4), lateOrder), 'delayed').toBe('credited');
    expect(await balanceOf(card(4)), 'delayed').toBe(AMOUNT_MINOR);

    await server.stop();
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
  } finally {
    await server?.stop();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
