import { autoTopupSchema, errorEnvelopeSchema, orderListSchema, type CardId } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../fixtures/accounts';
import { DAY, testClock } from '../fixtures/clock';
import { createOrder, expectBalancesMatchLedger, INSTANT_TOPUP_ENV, payOrder, verifiedCard } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';
import { balanceOf, overlapCardLookups, postTrip, setThreshold, topUp, trip, yuan } from '../trips/helpers';

// 2026-06-10 10:00 in Hong Kong: no 遠遊卡 promotion runs, so top-ups credit exactly their amount.
const time = testClock('2026-06-10T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: INSTANT_TOPUP_ENV,
  });
});
afterAll(() => t.close());

type Auth = Record<string, string>;
let emails = 0;

/** A user with a phone and an e-mail (both receipts), and a verified card topped up with `amount` units. */
async function fundedCard(type: CardId, amount: number) {
  emails += 1;
  const user = await registerUser(t.app, { email: `driver${emails}@example.com` });
  const card = await verifiedCard(t.app, user.auth, type);
  if (amount > 0) await topUp(t.app, user.auth, card, yuan(amount));
  return { auth: user.auth, userId: user.session.user.id, card };
}

async function putAutoTopup(auth: Auth, cardId: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/cards/${cardId}/auto-topup`,
    headers: { ...auth, ...headers },
    payload: payload as Record<string, unknown>,
  });
}

async function enable(auth: Auth, cardId: string, amountMinor: number, method: string) {
  const res = await putAutoTopup(auth, cardId, { enabled: true, amountMinor, method });
  expect(res.statusCode, res.body).toBe(200);
  return autoTopupSchema.parse(res.json());
}

async function getAutoTopup(auth: Auth, cardId: string) {
  const res = await t.app.inject({ url: `/api/v1/cards/${cardId}/auto-topup`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return autoTopupSchema.parse(res.json());
}

async function ordersOf(auth: Auth, cardId: string) {
  const res = await t.app.inject({ url: `/api/v1/orders?cardId=${cardId}`, headers: auth });
  return orderListSchema.parse(res.json()).orders;
}

async function inbox(userId: string, kind: 'auto_topup' | 'topup_sms' | 'topup_email') {
  return t.app.db
    .selectFrom('messages')
    .selectAll()
    .where('userId', '=', userId)
    .where('kind', '=', kind)
    .orderBy('createdAt')
    .execute();
}

/** Lets the background auto top-ups finish, then runs the jobs (notifications, crediting). */
async function settle() {
  await t.app.autoTopupService.idle();
  await t.app.jobs.runOnce(t.app.clock());
}

describe('GET/PUT /api/v1/cards/:id/auto-topup', () => {
  it('is off by default, and a trip under the threshold then orders nothing', async () => {
    const { auth, card } = await fundedCard('zhonggangtong', 100);
    expect(await getAutoTopup(auth, card.id)).toEqual({
      cardId: card.id,
      enabled: false,
      amount: null,
      method: null,
      lastRunDay: null,
    });
    await setThreshold(t.app, auth, card.id, yuan(80));
    await trip(t.app, auth, card.id, 'hg-dg');
    await settle();
    expect(await ordersOf(auth, card.id)).toHaveLength(1); // the manual top-up only
  });

  it('saves a preset and a method of the card type, and turning it off keeps them', async () => {
    const { auth, card } = await fundedCard('yuanyou', 0);
    expect(await enable(auth, card.id, yuan(500), 'unionpay')).toEqual({
      cardId: card.id,
      enabled: true,
      amount: { amountMinor: yuan(500), currency: 'HKD' },
      method: 'unionpay',
      lastRunDay: null,
    });
    const off = await putAutoTopup(auth, card.id, { enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(autoTopupSchema.parse(off.json())).toMatchObject({ enabled: false, method: 'unionpay' });
  });

  it('refuses an amount that is not a preset, a method of the other card, a missing amount: nothing written', async () => {
    const { auth, card } = await fundedCard('zhonggangtong', 0);
    const notPreset = await putAutoTopup(
      auth,
      card.id,
      { enabled: true, amountMinor: yuan(150), method: 'wechatpay' },
      { 'accept-language': 'en' },
    );
    expect(notPreset.statusCode).toBe(400);
    expect(notPreset.json()).toEqual({
      error: {
        code: 'AUTO_TOPUP_AMOUNT_NOT_PRESET',
        message:
          'The auto top-up amount must be one of the presets: ¥100.00 / ¥200.00 / ¥300.00 / ¥500.00 / ¥1,000.00 / ¥2,000.00',
        field: 'amountMinor',
      },
    });
    const zhHant = await putAutoTopup(
      auth,
      card.id,
      { enabled: true, amountMinor: yuan(150), method: 'wechatpay' },
      { 'accept-language': 'zh-HK' },
    );
    expect(errorEnvelopeSchema.parse(zhHant.json()).error.message).toMatch(/^自動增值金額須為預設金額之一/);

    const method = await putAutoTopup(auth, card.id, { enabled: true, amountMinor: yuan(100), method: 'unionpay' });
    expect(method.statusCode).toBe(400);
    expect(method.json()).toEqual({
      error: { code: 'METHOD_NOT_ACCEPTED', message: '中港通卡不支持这种支付方式', field: 'method' },
    });

    const missing = await putAutoTopup(auth, card.id, { enabled: true, method: 'wechatpay' });
    expect(missing.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(missing.json()).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'amountMinor',
    });
    const unknown = await putAutoTopup(auth, card.id, { enabled: false, lastRunDay: '2026-06-10' });
    expect(unknown.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(unknown.json()).error.field).toBe('lastRunDay');

    expect((await getAutoTopup(auth, card.id)).enabled).toBe(false);
    expect(await t.app.db.selectFrom('card_auto_topups').selectAll().where('cardId', '=', card.id).execute()).toEqual(
      [],
    );
  });

  it("answers 404 for another user's card, reading or writing", async () => {
    const owner = await fundedCard('zhonggangtong', 0);
    const other = await fundedCard('zhonggangtong', 0);
    const read = await t.app.inject({ url: `/api/v1/cards/${owner.card.id}/auto-topup`, headers: other.auth });
    expect(read.statusCode).toBe(404);
    expect(errorEnvelopeSchema.parse(read.json()).error.code).toBe('CARD_NOT_FOUND');
    const write = await putAutoTopup(other.auth, owner.card.id, {
      enabled: true,
      amountMinor: yuan(100),
      method: 'wechatpay',
    });
    expect(write.statusCode).toBe(404);
    expect((await getAutoTopup(owner.auth, owner.card.id)).enabled).toBe(false);
  });
});

describe('auto top-up after a trip', () => {
  it('orders one preset when a trip leaves the balance under the threshold: credited, receipted, announced', async () => {
    const { auth, userId, card } = await fundedCard('zhonggangtong', 200);
    await setThreshold(t.app, auth, card.id, yuan(100));
    await enable(auth, card.id, yuan(300), 'wechatpay');

    // 200 → 135: still above the threshold, nothing happens.
    await trip(t.app, auth, card.id, 'szb-gz');
    await settle();
    expect(await ordersOf(auth, card.id)).toHaveLength(1);

    // 135 → 70: under it; the trip's own reply does not wait for the top-up.
    const low = await trip(t.app, auth, card.id, 'szb-gz');
    expect(low.balance.amountMinor).toBe(yuan(70));
    await settle();
    const orders = await ordersOf(auth, card.id);
    expect(orders).toHaveLength(2);
    const auto = orders.find((order) => order.amount.amountMinor === yuan(300));
    expect(auto).toMatchObject({ state: 'credited', method: 'wechatpay', total: { amountMinor: yuan(300) } });
    expect(auto?.receipt?.receiptNo).toBeTruthy();
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(370));
    expect((await getAutoTopup(auth, card.id)).lastRunDay).toBe('2026-06-10');

    const announced = await inbox(userId, 'auto_topup');
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ channel: 'app', title: '自动充值' });
    expect(announced[0]?.body).toContain('已按您的设置自动充值 ¥300.00（微信支付，免密代扣）');
    // Receipted like a manual top-up: one SMS and one e-mail per credited order.
    expect(await inbox(userId, 'topup_sms')).toHaveLength(2);
    expect(await inbox(userId, 'topup_email')).toHaveLength(2);
    await expectBalancesMatchLedger(t.app);
  });

  it('makes at most one a day, and one more the next day', async () => {
    const { auth, userId, card } = await fundedCard('zhonggangtong', 100);
    await setThreshold(t.app, auth, card.id, yuan(500));
    await enable(auth, card.id, yuan(100), 'alipay');

    await trip(t.app, auth, card.id, 'hg-dg'); // 100 → 65, under 500
    await settle();
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(165));
    await trip(t.app, auth, card.id, 'hg-dg'); // 165 → 130, still under, same day
    await settle();
    expect(await ordersOf(auth, card.id)).toHaveLength(2);
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(130));

    time.advance(DAY);
    await trip(t.app, auth, card.id, 'hg-dg'); // 130 → 95, a new day
    await settle();
    expect(await ordersOf(auth, card.id)).toHaveLength(3);
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(195));
    expect((await getAutoTopup(auth, card.id)).lastRunDay).toBe('2026-06-11');
    expect(await inbox(userId, 'auto_topup')).toHaveLength(2);
    await expectBalancesMatchLedger(t.app);
  });

  it('pays a bank card under the agreement without a one-time code (遠遊卡, UnionPay)', async () => {
    const { auth, userId, card } = await fundedCard('yuanyou', 200);
    await setThreshold(t.app, auth, card.id, yuan(100));
    await enable(auth, card.id, yuan(500), 'unionpay');
    await trip(t.app, auth, card.id, 'hzmb-zh'); // 200 → 50 HKD
    await settle();
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(550));
    const codes = await t.app.db
      .selectFrom('messages')
      .select('id')
      .where('userId', '=', userId)
      .where('kind', '=', 'payment_code')
      .execute();
    expect(codes).toHaveLength(1); // the manual top-up's only
    await expectBalancesMatchLedger(t.app);
  });

  it('makes exactly one top-up when two trips cross the threshold at the same moment', async () => {
    const { auth, userId, card } = await fundedCard('zhonggangtong', 200);
    await setThreshold(t.app, auth, card.id, yuan(150));
    await enable(auth, card.id, yuan(200), 'wechatpay');
    const restore = overlapCardLookups(t.app);
    try {
      const replies = await Promise.all([
        postTrip(t.app, auth, card.id, 'szb-gz'),
        postTrip(t.app, auth, card.id, 'szb-gz'),
        postTrip(t.app, auth, card.id, 'szb-gz'),
      ]);
      expect(replies.map((res) => res.statusCode)).toEqual([201, 201, 201]);
    } finally {
      restore();
    }
    await settle();
    const autos = (await ordersOf(auth, card.id)).filter((order) => order.amount.amountMinor === yuan(200));
    // The manual 200 top-up plus exactly one auto top-up of 200.
    expect(autos).toHaveLength(2);
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(200 - 3 * 65 + 200));
    expect(await inbox(userId, 'auto_topup')).toHaveLength(1);
    await expectBalancesMatchLedger(t.app);
  });

  it('announces a refusal (monthly cap) and does not retry that day', async () => {
    const { auth, userId, card } = await fundedCard('zhonggangtong', 5000);
    await topUp(t.app, auth, card, yuan(4900));
    await setThreshold(t.app, auth, card.id, yuan(20_000));
    await enable(auth, card.id, yuan(200), 'wechatpay');
    await trip(t.app, auth, card.id, 'hg-dg');
    await settle();
    expect(await ordersOf(auth, card.id)).toHaveLength(2);
    const announced = await inbox(userId, 'auto_topup');
    expect(announced).toHaveLength(1);
    expect(announced[0]?.body).toContain('自动充值 ¥200.00 未能完成：超出本月充值上限，本月还可充值 ¥100.00');
    expect((await getAutoTopup(auth, card.id)).lastRunDay).toBe('2026-06-11');

    await trip(t.app, auth, card.id, 'hg-dg');
    await settle();
    expect(await inbox(userId, 'auto_topup')).toHaveLength(1);
    await expectBalancesMatchLedger(t.app);
  });
});

describe('the standing agreement is the server’s only', () => {
  it('the cashier route refuses an `agreement` a client sends', async () => {
    const { auth, card } = await fundedCard('zhonggangtong', 0);
    const order = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/cashier/confirm`,
      headers: auth,
      payload: { outcome: 'success', agreement: true },
    });
    expect(res.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(res.json()).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'agreement',
    });
    const sim = await t.app.db
      .selectFrom('sim_payments')
      .select('state')
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    expect(sim.state).toBe('NOTPAY');
  });
});
