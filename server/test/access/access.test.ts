import { randomUUID } from 'node:crypto';
import { api, buildPath, type Endpoint } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type Registered } from '../fixtures/accounts';
import { testClock } from '../fixtures/clock';
import { solidPng } from '../fixtures/images';
import { multipart } from '../fixtures/multipart';
import { createOrder, INSTANT_TOPUP_ENV, verifiedCard } from '../fixtures/topup';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';
import { historyPage, topUp } from '../history/entries';

/**
 * Every user-scoped route, generated from the shared contracts: without a token it answers 401; with
 * another user's token and the owner's real ids it answers 404, as if they did not exist (never 403,
 * which would confirm them), and the owner's data is left as it was.
 */
const time = testClock('2026-12-02T04:00:00.000Z');
let t: TestApp;
let owner: Registered;
let stranger: Registered;
const ids = { card: '', order: '', unpaidOrder: '', transaction: '' };

beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: INSTANT_TOPUP_ENV,
  });
  owner = await registerUser(t.app);
  stranger = await registerUser(t.app);
  const card = await verifiedCard(t.app, owner.auth);
  ids.card = card.id;
  ids.order = (await topUp(t.app, time, owner.auth, card, 10_000)).id;
  ids.unpaidOrder = (
    await createOrder(t.app, owner.auth, { cardId: card.id, amountMinor: 5_000, method: 'wechatpay' })
  ).id;
  const page = await historyPage(t.app, owner.auth, `/api/v1/cards/${card.id}/transactions`);
  ids.transaction = page.transactions[0]?.id ?? '';
});
afterAll(() => t.close());

interface CallParts {
  params?: Record<string, string>;
  body?: unknown;
  query?: string;
  upload?: boolean;
}

/** For each route that takes the owner's ids: the ids and a body that passes validation, so only ownership is left to refuse. */
const ownerCalls: Record<string, () => CallParts> = {
  getCard: () => ({ params: { id: ids.card } }),
  updateCard: () => ({ params: { id: ids.card }, body: { isDefault: true } }),
  unbindCard: () => ({ params: { id: ids.card } }),
  uploadIdPhoto: () => ({ params: { id: ids.card }, upload: true }),
  listCardTransactions: () => ({ params: { id: ids.card } }),
  getTransaction: () => ({ params: { id: ids.transaction } }),
  resendReceipt: () => ({ params: { id: ids.transaction }, body: { channel: 'sms' } }),
  getStatement: () => ({ params: { id: ids.card, month: '2026-12' } }),
  getMonthTotals: () => ({ params: { id: ids.card }, query: '?months=2026-11,2026-12' }),
  getTopupOptions: () => ({ params: { id: ids.card } }),
  createOrder: () => ({ body: { cardId: ids.card, amountMinor: 5_000, method: 'wechatpay' } }),
  getOrder: () => ({ params: { id: ids.order } }),
  payOrder: () => ({ params: { id: ids.unpaidOrder } }),
  cancelOrder: () => ({ params: { id: ids.unpaidOrder } }),
  sendCashierCode: () => ({ params: { id: ids.unpaidOrder } }),
  confirmCashier: () => ({ params: { id: ids.unpaidOrder }, body: { outcome: 'success', password: '123456' } }),
  createTrip: () => ({ params: { id: ids.card }, body: { segmentId: 'any-segment' } }),
  getReminder: () => ({ params: { id: ids.card } }),
  setReminder: () => ({ params: { id: ids.card }, body: { thresholdMinor: 1_000 } }),
  getAutoTopup: () => ({ params: { id: ids.card } }),
  setAutoTopup: () => ({ params: { id: ids.card }, body: { enabled: false } }),
};

const endpoints = Object.entries(api) as [string, Endpoint][];
const required = endpoints.filter(([, endpoint]) => endpoint.auth === 'required');
const takesIds = required.filter(([name, endpoint]) => endpoint.path.includes(':') || name === 'createOrder');

function call(endpoint: Endpoint, parts: CallParts, headers: Record<string, string>) {
  const url = buildPath(endpoint.path, parts.params ?? {}) + (parts.query ?? '');
  if (parts.upload) {
    const form = multipart([{ name: 'photo', filename: 'id.png', data: solidPng(40, 30, [1, 2, 3]) }]);
    return t.app.inject({
      method: endpoint.method,
      url,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
  }
  return t.app.inject({
    method: endpoint.method,
    url,
    headers,
    ...(parts.body === undefined ? {} : { payload: parts.body as object }),
  });
}

describe('access to user-scoped routes', () => {
  it('names every route that takes an id of the user’s, so a new one cannot be left out', () => {
    expect(takesIds.map(([name]) => name).sort()).toEqual(Object.keys(ownerCalls).sort());
  });

  it.each(required)('%s without a token: 401 in the envelope', async (_name, endpoint) => {
    const params = Object.fromEntries(
      [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map(([, key]) => [key as string, randomUUID()]),
    );
    const res = await call(endpoint, { params, body: endpoint.body ? {} : undefined }, {});
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: expect.stringMatching(/^(UNAUTHENTICATED|SESSION_EXPIRED)$/),
      message: expect.any(String),
    });
    expectNoInternals(res.body);
  });

  it.each(takesIds)('%s with another user’s ids: 404, as if they did not exist', async (name, endpoint) => {
    const parts = ownerCalls[name]?.();
    if (!parts) throw new Error(`no owner call for ${name}`);
    const res = await call(endpoint, parts, stranger.auth);
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toMatch(/_NOT_FOUND$/);
    expectNoInternals(res.body);
  });

  it('leaves the owner’s card, orders and history as they were', async () => {
    const card = await t.app.inject({ url: `/api/v1/cards/${ids.card}`, headers: owner.auth });
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({ isDefault: true, balance: { amountMinor: 10_000 }, verification: 'verified' });
    const unpaid = await t.app.inject({ url: `/api/v1/orders/${ids.unpaidOrder}`, headers: owner.auth });
    expect(unpaid.json()).toMatchObject({ state: 'created' });
    const orders = await t.app.inject({ url: '/api/v1/orders', headers: owner.auth });
    expect(orders.json<{ orders: unknown[] }>().orders).toHaveLength(2);
    const strangerOrders = await t.app.inject({ url: `/api/v1/orders?cardId=${ids.card}`, headers: stranger.auth });
    expect(strangerOrders.statusCode === 404 || strangerOrders.json<{ orders: unknown[] }>().orders.length === 0).toBe(
      true,
    );
    const reminders = await t.app.db.selectFrom('card_reminders').selectAll().where('cardId', '=', ids.card).execute();
    expect(reminders).toEqual([]);
  });
});
