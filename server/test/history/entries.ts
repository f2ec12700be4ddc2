import {
  TOPUP_RULES,
  messageListSchema,
  transactionPageSchema,
  tripReplySchema,
  type BoundCard,
  type Order,
  type Transaction,
  type TransactionPage,
} from '@cbc/shared';
import { expect } from 'vitest';
import type { App } from '../../src/app';
import type { TestClock } from '../fixtures/clock';
import { confirmCashier, createOrder, getOrder, payOrder } from '../fixtures/topup';

/**
 * Ledger entries for history tests, made only the way a user makes them: real top-ups through the API
 * (order → pay → simulated cashier → signed notification → credited by the jobs) and real trips.
 */

type Auth = Record<string, string>;

/** Pays an order at the simulated cashier; 遠遊卡 methods need the one-time code from the inbox. */
async function pay(app: App, auth: Auth, order: Order): Promise<void> {
  await payOrder(app, auth, order.id);
  if (order.method === 'wechatpay' || order.method === 'alipay') {
    await confirmCashier(app, auth, order.id, { outcome: 'success', password: '123456' });
    return;
  }
  const inbox = async () =>
    messageListSchema.parse((await app.inject({ url: '/api/v1/messages', headers: auth })).json()).messages;
  // Codes of orders paid in the same millisecond sort in no useful order: take the one that is new.
  const seen = new Set((await inbox()).map((m) => m.id));
  const sent = await app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/cashier/sms-code`, headers: auth });
  expect(sent.statusCode, sent.body).toBe(200);
  const message = (await inbox()).find((m) => m.kind === 'payment_code' && !seen.has(m.id));
  const smsCode = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1];
  await confirmCashier(app, auth, order.id, { outcome: 'success', smsCode });
}

/**
 * Top-ups paid one after another and credited together by one run of the jobs at `clock.now()`: their
 * entries share that millisecond, so only the id orders them.
 */
export async function topUpsAtOnce(
  app: App,
  clock: TestClock,
  auth: Auth,
  card: BoundCard,
  amountsMinor: readonly number[],
  options: { promotionId?: string } = {},
): Promise<Order[]> {
  const method = TOPUP_RULES[card.type].methods[0] ?? 'wechatpay';
  const orders: Order[] = [];
  for (const amountMinor of amountsMinor) {
    const order = await createOrder(app, auth, { cardId: card.id, amountMinor, method, ...options });
    await pay(app, auth, order);
    orders.push(order);
  }
  await app.jobs.runOnce(clock.now());
  const credited = await Promise.all(orders.map((order) => getOrder(app, auth, order.id)));
  for (const order of credited) expect(order.state, order.id).toBe('credited');
  return credited;
}

/** One credited top-up, then the clock moves on so the next entry is later. */
export async function topUp(
  app: App,
  clock: TestClock,
  auth: Auth,
  card: BoundCard,
  amountMinor: number,
  options: { promotionId?: string; advanceMs?: number } = {},
): Promise<Order> {
  const [order] = await topUpsAtOnce(
    app,
    clock,
    auth,
    card,
    [amountMinor],
    options.promotionId ? { promotionId: options.promotionId } : {},
  );
  clock.advance(options.advanceMs ?? 1_000);
  if (!order) throw new Error('no order');
  return order;
}

/** A simulated trip on a sample segment, paid from the balance; then the clock moves on. */
export async function trip(app: App, clock: TestClock, auth: Auth, cardId: string, segmentId: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/cards/${cardId}/trips`,
    headers: auth,
    payload: { segmentId },
  });
  expect(res.statusCode, res.body).toBe(201);
  clock.advance(1_000);
  return tripReplySchema.parse(res.json());
}

/** One page of a history list, checked against the contract. */
export async function historyPage(app: App, auth: Auth, url: string): Promise<TransactionPage> {
  const res = await app.inject({ url, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return transactionPageSchema.parse(res.json());
}

/** Every entry of a list, following cursors page by page. */
export async function allPages(app: App, auth: Auth, url: string, limit = 100): Promise<Transaction[]> {
  const all: Transaction[] = [];
  let cursor: string | null = null;
  const sep = url.includes('?') ? '&' : '?';
  do {
    const page: TransactionPage = await historyPage(
      app,
      auth,
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    all.push(...page.transactions);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Newest first by (createdAt, id): the order every list must be in. */
export function expectNewestFirst(transactions: readonly Transaction[]): void {
  for (let i = 1; i < transactions.length; i += 1) {
    const [a, b] = [transactions[i - 1], transactions[i]];
    if (!a || !b) continue;
    expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id), `${a.id} before ${b.id}`).toBe(
      true,
    );
  }
}
