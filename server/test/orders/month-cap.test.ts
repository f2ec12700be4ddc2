import { errorEnvelopeSchema, orderSchema, topupOptionsSchema } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../fixtures/accounts';
import { MINUTE, testClock } from '../fixtures/clock';
import {
  bindCard,
  confirmCashier,
  createOrder,
  expectMonthTotalsMatchOrders,
  getOrder,
  INSTANT_TOPUP_ENV,
  payOrder,
  uploadIdPhoto,
  verifiedCard,
  yuan,
} from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';

/**
 * The month's cap as a running total per card (migration 016): what ends unpaid gives its amount back,
 * a new month starts from nothing, and whatever happens at once the total is what the orders add up to.
 * 中港通卡: ¥5,000 at most per order, ¥10,000 a month.
 */

// 30 December, 10:00 in Hong Kong.
const time = testClock('2026-12-30T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: INSTANT_TOPUP_ENV,
  });
});
afterAll(() => t.close());

type Auth = Record<string, string>;

const order = (auth: Auth, cardId: string, amountMinor: number) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: auth,
    payload: { cardId, amountMinor, method: 'wechatpay' },
  });
const cancel = (auth: Auth, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/cancel`, headers: auth });
const remaining = async (auth: Auth, cardId: string) =>
  topupOptionsSchema.parse((await t.app.inject({ url: `/api/v1/cards/${cardId}/topup-options`, headers: auth })).json())
    .monthlyRemaining.amountMinor;

async function fullCard() {
  const { auth } = await registerUser(t.app);
  const card = await verifiedCard(t.app, auth);
  const first = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(5000), method: 'wechatpay' });
  const second = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(5000), method: 'alipay' });
  const refused = await order(auth, card.id, yuan(100));
  expect(refused.statusCode).toBe(409);
  expect(errorEnvelopeSchema.parse(refused.json()).error.code).toBe('MONTHLY_CAP_EXCEEDED');
  return { auth, cardId: card.id, first, second };
}

describe('the month’s cap as a running total', () => {
  it('gives a cancelled order’s amount back, and a new order may take it', async () => {
    const { auth, cardId, first } = await fullCard();
    expect(await remaining(auth, cardId)).toBe(0);
    expect((await cancel(auth, first.id)).statusCode).toBe(200);
    expect(await remaining(auth, cardId)).toBe(yuan(5000));
    // Cancelled twice: refused the second time, given back once.
    expect((await cancel(auth, first.id)).statusCode).toBe(409);
    expect(await remaining(auth, cardId)).toBe(yuan(5000));
    expect((await order(auth, cardId, yuan(5000))).statusCode).toBe(201);
    expect((await order(auth, cardId, yuan(100))).statusCode).toBe(409);
    await expectMonthTotalsMatchOrders(t.app);
  });

  it('gives back an order whose payment failed and one closed when it expired, but not a paid one', async () => {
    const { auth, cardId, first, second } = await fullCard();
    await payOrder(t.app, auth, first.id);
    const declined = await confirmCashier(t.app, auth, first.id, { outcome: 'insufficient_funds', password: '123456' });
    expect(declined.order.state).toBe('failed');
    expect(await remaining(auth, cardId)).toBe(yuan(5000));
    // A third order, paid: it keeps counting once credited.
    const third = await createOrder(t.app, auth, { cardId, amountMinor: yuan(3000), method: 'wechatpay' });
    await payOrder(t.app, auth, third.id);
    await confirmCashier(t.app, auth, third.id, { outcome: 'success', password: '123456' });
    time.advance(16 * MINUTE);
    await t.app.jobs.runOnce(time.now());
    await t.app.jobs.runOnce(time.now());
    expect((await getOrder(t.app, auth, second.id)).state).toBe('closed');
    expect((await getOrder(t.app, auth, third.id)).state).toBe('credited');
    expect(await remaining(auth, cardId)).toBe(yuan(7000));
    await expectMonthTotalsMatchOrders(t.app);
  });

  it('keeps the total right when orders and cancels of one card come at once', async () => {
    const { auth, cardId, first, second } = await fullCard();
    const replies = await Promise.all([
      cancel(auth, first.id),
      order(auth, cardId, yuan(2000)),
      order(auth, cardId, yuan(2000)),
      order(auth, cardId, yuan(2000)),
      cancel(auth, second.id),
      order(auth, cardId, yuan(2000)),
      order(auth, cardId, yuan(2000)),
      order(auth, cardId, yuan(2000)),
    ]);
    const created = replies.filter((res) => res.statusCode === 201).map((res) => orderSchema.parse(res.json()));
    const refused = replies.filter((res) => res.statusCode === 409);
    expect(created.length + refused.length + 2).toBe(replies.length);
    // Both cancels free ¥10,000: at most five orders of ¥2,000 fit, and each refusal had no room when it ran.
    expect(created.length).toBeLessThanOrEqual(5);
    expect(refused.every((res) => errorEnvelopeSchema.parse(res.json()).error.code === 'MONTHLY_CAP_EXCEEDED')).toBe(
      true,
    );
    expect(await remaining(auth, cardId)).toBe(yuan(10_000) - created.length * yuan(2000));
    await expectMonthTotalsMatchOrders(t.app);
  });

  it('starts a new month from nothing; last month’s order ending unpaid gives nothing to this one', async () => {
    const { auth, cardId, first } = await fullCard();
    // 1 January, 00:30 in Hong Kong.
    time.set('2026-12-31T16:30:00.000Z');
    expect(await remaining(auth, cardId)).toBe(yuan(10_000));
    const january = await createOrder(t.app, auth, { cardId, amountMinor: yuan(5000), method: 'wechatpay' });
    expect(await remaining(auth, cardId)).toBe(yuan(5000));
    // An order stamped a minute before midnight (an instance whose clock is behind) counts in December,
    // which is full, and leaves January's total as it is.
    time.set('2026-12-31T15:59:00.000Z');
    expect((await order(auth, cardId, yuan(100))).statusCode).toBe(409);
    time.set('2026-12-31T16:31:00.000Z');
    expect(await remaining(auth, cardId)).toBe(yuan(5000));
    // December's order ends now: January's total stays as it is.
    expect((await cancel(auth, first.id)).json()).toMatchObject({ state: 'closed' });
    expect(await remaining(auth, cardId)).toBe(yuan(5000));
    expect((await order(auth, cardId, yuan(5000))).statusCode).toBe(201);
    expect((await order(auth, cardId, yuan(100))).statusCode).toBe(409);
    expect((await getOrder(t.app, auth, january.id)).state).toBe('created');
    await expectMonthTotalsMatchOrders(t.app);
  });
});

describe('what the order’s insert checks again', () => {
  const orderCount = async (cardId: string) =>
    (await t.app.db.selectFrom('orders').select('id').where('cardId', '=', cardId).execute()).length;

  it('refuses a card unbound since its last order (its facts kept from then): 404, nothing written', async () => {
    const { auth } = await registerUser(t.app);
    const card = await verifiedCard(t.app, auth);
    await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(100), method: 'wechatpay' });
    const unbound = await t.app.inject({ method: 'DELETE', url: `/api/v1/cards/${card.id}`, headers: auth });
    expect(unbound.statusCode, unbound.body).toBe(204);
    const res = await order(auth, card.id, yuan(100));
    expect(res.statusCode).toBe(404);
    expect(errorEnvelopeSchema.parse(res.json()).error.code).toBe('CARD_NOT_FOUND');
    expect(await orderCount(card.id)).toBe(1);
    expect(await t.app.db.selectFrom('cardMonthTotals').selectAll().where('cardId', '=', card.id).execute()).toEqual(
      [],
    );
  });

  it('keeps nothing of a card not yet verified: refused until its photo is in, then ordered', async () => {
    const { auth } = await registerUser(t.app);
    const bound = await bindCard(t.app, auth);
    const cardId = bound.json().id as string;
    const refused = await order(auth, cardId, yuan(100));
    expect(refused.statusCode).toBe(409);
    expect(errorEnvelopeSchema.parse(refused.json()).error.code).toBe('CARD_NOT_VERIFIED');
    await uploadIdPhoto(t.app, auth, cardId);
    expect((await order(auth, cardId, yuan(100))).statusCode).toBe(201);
  });

  it('answers another user’s card with 404 before and after its owner orders for it', async () => {
    const { auth } = await registerUser(t.app);
    const card = await verifiedCard(t.app, auth);
    const other = await registerUser(t.app);
    expect((await order(other.auth, card.id, yuan(100))).statusCode).toBe(404);
    await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(100), method: 'wechatpay' });
    expect((await order(other.auth, card.id, yuan(100))).statusCode).toBe(404);
    expect(await orderCount(card.id)).toBe(1);
  });
});
