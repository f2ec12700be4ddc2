import {
  TOPUP_RULES,
  errorEnvelopeSchema,
  messageListSchema,
  orderListSchema,
  orderSchema,
  topupOptionsSchema,
  type Order,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, wechatUser } from '../fixtures/accounts';
import { MINUTE, SECOND, testClock } from '../fixtures/clock';
import { onPostgres } from '../fixtures/database';
import {
  bindCard,
  confirmCashier,
  createOrder,
  expectBalancesMatchLedger,
  getOrder,
  INSTANT_TOPUP_ENV,
  newIdempotencyKey,
  payOrder,
  verifiedCard,
  yuan,
} from '../fixtures/topup';
import { groupCommitCounts } from '../../src/db/group-commit';
import { PaymentProviderError } from '../../src/errors/payment-provider-error';
import { injectTransport, type HttpTransport } from '../../src/http/transport';
import type { NotificationFormat } from '../../src/payment-sims/outbox';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';

// 2026-12-02 10:00 in Hong Kong: the 遠遊卡 winter promotion runs (15 Nov – 1 Mar).
const time = testClock('2026-12-02T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: { ...INSTANT_TOPUP_ENV, PAYMENT_QUERY_AFTER_SECONDS: '10' },
  });
});
afterAll(() => t.close());

type Auth = Record<string, string>;

async function newAccount() {
  const user = await registerUser(t.app, { email: 'driver@example.com' });
  return { auth: user.auth };
}

const orderCount = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function post(url: string, auth: Auth, payload?: object, headers: Auth = {}) {
  return t.app.inject({ method: 'POST', url, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) });
}

/** For tests on an app of their own: a new account with a verified card and one WeChat Pay order. */
async function wechatPayOrderOnNewAccount(app: TestApp['app'], amountMinor: number) {
  const { auth } = await registerUser(app);
  const card = await verifiedCard(app, auth);
  const order = await createOrder(app, auth, { cardId: card.id, amountMinor, method: 'wechatpay' });
  return { auth, order };
}

async function inbox(auth: Auth) {
  return messageListSchema.parse((await t.app.inject({ url: '/api/v1/messages', headers: auth })).json()).messages;
}

describe('GET /api/v1/cards/:id/topup-options', () => {
  it('shows a 中港通卡 its CNY presets, limits, the whole monthly cap and its two methods', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth, 'zhonggangtong');
    const res = await t.app.inject({ url: `/api/v1/cards/${card.id}/topup-options`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    const options = topupOptionsSchema.parse(res.json());
    const rules = TOPUP_RULES.zhonggangtong;
    expect(options.presets.map((p) => p.amount)).toEqual(
      rules.presetsMinor.map((amountMinor) => ({ amountMinor, currency: 'CNY' })),
    );
    expect(options.presets.every((p) => p.bonus.amountMinor === 0)).toBe(true);
    expect(options.min).toEqual({ amountMinor: rules.minMinor, currency: 'CNY' });
    expect(options.max).toEqual({ amountMinor: rules.maxMinor, currency: 'CNY' });
    expect(options.monthlyRemaining).toEqual({ amountMinor: rules.monthlyCapMinor, currency: 'CNY' });
    expect(options.methods).toEqual(['wechatpay', 'alipay']);
    expect(options.promotion).toBeNull();
  });

  it('shows a 遠遊卡 the running promotion with its end date and the bonus of each preset', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth, 'yuanyou');
    const options = topupOptionsSchema.parse(
      (await t.app.inject({ url: `/api/v1/cards/${card.id}/topup-options?lang=en`, headers: auth })).json(),
    );
    expect(options.methods).toEqual(['unionpay', 'credit_card']);
    expect(options.promotion).toMatchObject({ id: 'yuanyou-2026-winter', name: 'Winter top-up bonus' });
    expect(options.promotion?.endsAt).toBe('2027-03-01T00:00:00+08:00');
    const bonusOf = (amount: number) => options.presets.find((p) => p.amount.amountMinor === amount)?.bonus.amountMinor;
    expect(bonusOf(yuan(200))).toBe(0);
    expect(bonusOf(yuan(500))).toBe(yuan(20));
    expect(bonusOf(yuan(1000))).toBe(yuan(50));
    expect(bonusOf(yuan(2000))).toBe(yuan(120));
  });

  it('counts the card’s orders that can still be paid and shows the newest, until paid, cancelled or expired', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const other = await verifiedCard(t.app, auth, 'yuanyou');
    const unpaidOf = async (cardId: string) => {
      const { unpaid } = topupOptionsSchema.parse(
        (await t.app.inject({ url: `/api/v1/cards/${cardId}/topup-options`, headers: auth })).json(),
      );
      return { count: unpaid.count, latest: unpaid.latest && [unpaid.latest.amount.amountMinor, unpaid.latest.state] };
    };
    expect(await unpaidOf(card.id)).toEqual({ count: 0, latest: null });
    // 我的 → 我的订单's badge: the account's orders that can still be paid, of every card, newest first.
    const unpaidListed = async (query = '') => {
      const res = await t.app.inject({ url: `/api/v1/orders?state=unpaid${query}`, headers: auth });
      expect(res.statusCode, res.body).toBe(200);
      return orderListSchema.parse(res.json()).orders.map((o) => o.amount.amountMinor);
    };

    const order = (amountMinor: number) =>
      createOrder(t.app, auth, { cardId: card.id, amountMinor, method: 'wechatpay' });
    const paid = await order(yuan(100));
    time.advance(SECOND);
    const cancelled = await order(yuan(200));
    time.advance(SECOND);
    const leftAtCashier = await order(yuan(300));
    await payOrder(t.app, auth, leftAtCashier.id);
    await confirmCashier(t.app, auth, leftAtCashier.id, { outcome: 'cancel' });
    time.advance(SECOND);
    await createOrder(t.app, auth, { cardId: other.id, amountMinor: yuan(400), method: 'unionpay' });
    expect(await unpaidOf(card.id)).toEqual({ count: 3, latest: [yuan(300), 'paying'] });
    expect(await unpaidListed()).toEqual([yuan(400), yuan(300), yuan(200), yuan(100)]);
    expect(await unpaidListed(`&cardId=${card.id}`)).toEqual([yuan(300), yuan(200), yuan(100)]);

    await payOrder(t.app, auth, paid.id);
    await confirmCashier(t.app, auth, paid.id, { outcome: 'success', password: '000000' });
    await t.app.jobs.runOnce(time.now());
    expect((await getOrder(t.app, auth, paid.id)).state).toBe('credited');
    expect((await post(`/api/v1/orders/${cancelled.id}/cancel`, auth)).statusCode).toBe(200);
    expect(await unpaidOf(card.id)).toEqual({ count: 1, latest: [yuan(300), 'paying'] });
    expect(await unpaidOf(other.id)).toEqual({ count: 1, latest: [yuan(400), 'created'] });
    expect(await unpaidListed()).toEqual([yuan(400), yuan(300)]);

    // Past its expiry an order is not offered, even before the closing job has run.
    time.advance(16 * MINUTE);
    expect(await unpaidOf(card.id)).toEqual({ count: 0, latest: null });
    expect(await unpaidOf(other.id)).toEqual({ count: 0, latest: null });
    expect(await unpaidListed()).toEqual([]);
    // Without the filter every order is still listed.
    const all = orderListSchema.parse((await t.app.inject({ url: '/api/v1/orders', headers: auth })).json());
    expect(all.orders).toHaveLength(4);
    const wrong = await t.app.inject({ url: '/api/v1/orders?state=paid&lang=en', headers: auth });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'state' } });
    expect(wrong.json<{ error: { message: string } }>().error.message).toMatch(/^Order state: /);
  });

  it("answers 404 for another user's card and 401 without a session", async () => {
    const owner = await newAccount();
    const card = await verifiedCard(t.app, owner.auth);
    const stranger = await wechatUser(t.app);
    const res = await t.app.inject({ url: `/api/v1/cards/${card.id}/topup-options`, headers: stranger.auth });
    expect(res.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/cards/${card.id}/topup-options` })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/orders refuses what the rules forbid, in the user’s language, writing nothing', () => {
  let auth: Auth;
  let cnyCard: string;
  let hkdCard: string;
  beforeAll(async () => {
    ({ auth } = await newAccount());
    cnyCard = (await verifiedCard(t.app, auth, 'zhonggangtong')).id;
    hkdCard = (await verifiedCard(t.app, auth, 'yuanyou')).id;
  });

  const cases: Array<[string, () => object, number, string, string, RegExp]> = [
    [
      'below the minimum',
      () => ({ cardId: cnyCard, amountMinor: yuan(10), method: 'wechatpay' }),
      400,
      'AMOUNT_TOO_LOW',
      'amountMinor',
      /不能低于 ¥50\.00/,
    ],
    [
      'above the maximum',
      () => ({ cardId: cnyCard, amountMinor: yuan(6000), method: 'wechatpay' }),
      400,
      'AMOUNT_TOO_HIGH',
      'amountMinor',
      /不能超过 ¥5,000\.00/,
    ],
    [
      'not a whole yuan',
      () => ({ cardId: cnyCard, amountMinor: 10050, method: 'wechatpay' }),
      400,
      'AMOUNT_NOT_WHOLE_UNIT',
      'amountMinor',
      /整数/,
    ],
    [
      'not an integer',
      () => ({ cardId: cnyCard, amountMinor: 100.5, method: 'wechatpay' }),
      400,
      'VALIDATION_FAILED',
      'amountMinor',
      /充值金额/,
    ],
    [
      'negative',
      () => ({ cardId: cnyCard, amountMinor: -10000, method: 'wechatpay' }),
      400,
      'VALIDATION_FAILED',
      'amountMinor',
      /充值金额/,
    ],
    [
      'a price sent by the client',
      () => ({ cardId: cnyCard, amountMinor: yuan(100), method: 'wechatpay', totalMinor: 1 }),
      400,
      'VALIDATION_FAILED',
      '',
      /.+/,
    ],
    [
      'a method the card type does not take',
      () => ({ cardId: cnyCard, amountMinor: yuan(100), method: 'unionpay' }),
      400,
      'METHOD_NOT_ACCEPTED',
      'method',
      /中港通卡不支持/,
    ],
    [
      'an expired promotion',
      () => ({ cardId: hkdCard, amountMinor: yuan(1000), method: 'unionpay', promotionId: 'yuanyou-2026-summer' }),
      409,
      'PROMOTION_EXPIRED',
      'promotionId',
      /优惠活动已结束/,
    ],
    [
      'an unknown method',
      () => ({ cardId: cnyCard, amountMinor: yuan(100), method: 'cash' }),
      400,
      'VALIDATION_FAILED',
      'method',
      /支付方式/,
    ],
  ];

  it.each(cases)('%s', async (_name, body, status, code, field, message) => {
    const before = await orderCount();
    const res = await post('/api/v1/orders', auth, body(), { 'idempotency-key': newIdempotencyKey() });
    expect(res.statusCode, res.body).toBe(status);
    const { error } = errorEnvelopeSchema.parse(res.json());
    expect(error.code).toBe(code);
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expectNoInternals(res.body);
    expect(await orderCount()).toBe(before);
  });

  it('says it in English and Traditional Chinese too', async () => {
    const body = { cardId: cnyCard, amountMinor: yuan(10), method: 'wechatpay' };
    const en = await post('/api/v1/orders?lang=en', auth, body);
    expect(en.json().error.message).toBe('A top-up must be at least ¥50.00');
    const hant = await post('/api/v1/orders?lang=zh-Hant', auth, body);
    expect(hant.json().error.message).toBe('單次增值金額不可低於 ¥50.00');
  });

  it('refuses an order over what is left of the monthly cap, saying how much is left', async () => {
    const { auth: own } = await newAccount();
    const card = await verifiedCard(t.app, own);
    // Two unpaid orders already count: ¥5,000 + ¥4,500 of the ¥10,000 cap.
    await createOrder(t.app, own, { cardId: card.id, amountMinor: yuan(5000), method: 'wechatpay' });
    await createOrder(t.app, own, { cardId: card.id, amountMinor: yuan(4500), method: 'alipay' });
    const before = await orderCount();
    const res = await post('/api/v1/orders', own, { cardId: card.id, amountMinor: yuan(1000), method: 'wechatpay' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'MONTHLY_CAP_EXCEEDED', field: 'amountMinor' });
    expect(res.json().error.message).toContain('¥500.00');
    expect(await orderCount()).toBe(before);
    const options = topupOptionsSchema.parse(
      (await t.app.inject({ url: `/api/v1/cards/${card.id}/topup-options`, headers: own })).json(),
    );
    expect(options.monthlyRemaining.amountMinor).toBe(yuan(500));
  });

  it('creates orders asked for at once up to the cap and refuses the rest, committing them together on SQLite', async () => {
    const { auth: own } = await newAccount();
    const card = await verifiedCard(t.app, own);
    const before = groupCommitCounts(t.app.db);
    // Six of ¥2,000 at once against the ¥10,000 cap: the sixth must see the five before it.
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        post('/api/v1/orders', own, { cardId: card.id, amountMinor: yuan(2000), method: 'wechatpay' }),
      ),
    );
    expect(replies.map((res) => res.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 409]);
    expect(replies.find((res) => res.statusCode === 409)?.json().error.code).toBe('MONTHLY_CAP_EXCEEDED');
    const list = orderListSchema.parse((await t.app.inject({ url: '/api/v1/orders', headers: own })).json());
    expect(list.orders.map((order) => order.id).sort()).toEqual(
      replies
        .filter((res) => res.statusCode === 201)
        .map((res) => res.json().id as string)
        .sort(),
    );
    const after = groupCommitCounts(t.app.db);
    if (!onPostgres) {
      expect(after.works - before.works).toBe(6);
      expect(after.transactions - before.transactions).toBeLessThan(6);
    }
  });

  it('refuses a card whose holder is not verified yet, and another user’s card', async () => {
    const { auth: own } = await newAccount();
    const bound = await bindCard(t.app, own);
    expect(bound.statusCode, bound.body).toBe(201);
    const unverified = bound.json().id as string;
    const res = await post('/api/v1/orders', own, { cardId: unverified, amountMinor: yuan(100), method: 'wechatpay' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('CARD_NOT_VERIFIED');
    const foreign = await post('/api/v1/orders', own, { cardId: cnyCard, amountMinor: yuan(100), method: 'wechatpay' });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('turns 20 concurrent taps with one key into one order', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const key = newIdempotencyKey();
    const body = { cardId: card.id, amountMinor: yuan(200), method: 'wechatpay' };
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/v1/orders', auth, body, { 'idempotency-key': key })),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((r) => r.json().id)).size).toBe(1);
    const list = orderListSchema.parse((await t.app.inject({ url: '/api/v1/orders', headers: auth })).json());
    expect(list.orders).toHaveLength(1);
  });

  it('answers a retry with its order even when a new one could no longer be made', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const body = { cardId: card.id, amountMinor: yuan(5000), method: 'wechatpay' as const };
    await createOrder(t.app, auth, body);
    const key = newIdempotencyKey();
    const filling = await createOrder(t.app, auth, body, key);
    // The two orders fill the month's 10,000: a new one is refused, the retry of the second is not.
    const fresh = await post('/api/v1/orders', auth, body, { 'idempotency-key': newIdempotencyKey() });
    expect(fresh.json().error?.code).toBe('MONTHLY_CAP_EXCEEDED');
    const retry = await post('/api/v1/orders', auth, body, { 'idempotency-key': key });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(orderSchema.parse(retry.json())).toEqual(filling);
    const changed = await post('/api/v1/orders', auth, { ...body, amountMinor: yuan(100) }, { 'idempotency-key': key });
    expect(changed.json().error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses the same key with another body, and a malformed key', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const key = newIdempotencyKey();
    await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(200), method: 'wechatpay' }, key);
    const other = await post(
      '/api/v1/orders',
      auth,
      { cardId: card.id, amountMinor: yuan(300), method: 'wechatpay' },
      { 'idempotency-key': key },
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const bad = await post(
      '/api/v1/orders',
      auth,
      { cardId: card.id, amountMinor: yuan(300), method: 'wechatpay' },
      { 'idempotency-key': 'no spaces allowed' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});

describe('the full cycle: create → pay → cashier → notification → credited', () => {
  it('credits a WeChat Pay top-up once, with a receipt and SMS + e-mail receipts in the inbox', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const order = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(200), method: 'wechatpay' });
    expect(order).toMatchObject({
      state: 'created',
      amount: { amountMinor: yuan(200) },
      bonus: { amountMinor: 0 },
      transactionId: null,
    });
    expect(order.outTradeNo).toMatch(/^[0-9A-Za-z_-]{6,32}$/);

    const payment = await payOrder(t.app, auth, order.id);
    expect(payment.method).toBe('wechatpay');
    if (payment.method !== 'wechatpay') throw new Error('unreachable');
    expect(Object.keys(payment.params).sort()).toEqual(['nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    expect(payment.params.package).toMatch(/^prepay_id=wx/);
    expect(payment.order.state).toBe('paying');
    expect(payment.cashier.amount).toEqual({ amountMinor: yuan(200), currency: 'CNY' });
    expect(payment.cashier.merchantName).toContain('模拟');
    expect(payment.cashier.description).toBe(`中港通卡 ${card.numberMasked}`);

    const paid = await confirmCashier(t.app, auth, order.id, { outcome: 'success', password: '123456' });
    expect(paid.result).toBe('ok');
    expect(paid.errMsg).toBe('requestPayment:ok');

    await t.app.jobs.runOnce(time.now());
    const credited = await getOrder(t.app, auth, order.id);
    expect(credited.state).toBe('credited');
    expect(credited.transactionId).toMatch(/^\d{28}$/);
    expect(credited.receipt).toMatchObject({
      amount: { amountMinor: yuan(200) },
      total: { amountMinor: yuan(200) },
      method: 'wechatpay',
      cardNumberMasked: card.numberMasked,
      outTradeNo: order.outTradeNo,
      transactionId: credited.transactionId,
    });
    const cardNow = (await t.app.inject({ url: `/api/v1/cards/${card.id}`, headers: auth })).json();
    expect(cardNow.balance).toEqual({ amountMinor: yuan(200), currency: 'CNY' });

    const messages = await inbox(auth);
    const sms = messages.find((m) => m.kind === 'topup_sms');
    const email = messages.find((m) => m.kind === 'topup_email');
    expect(sms?.channel).toBe('sms');
    expect(sms?.body).toContain('¥200.00');
    expect(sms?.body).toContain(credited.receipt?.receiptNo ?? 'missing');
    expect(email?.channel).toBe('email');
    expect(email?.to).toBe('dr***@example.com');
    expect(email?.body).toContain(order.outTradeNo);
    expect(email?.body).toContain(credited.transactionId ?? 'missing');
    await expectBalancesMatchLedger(t.app);
  });

  it('credits four payments made at once, each exactly once, their commits shared on SQLite', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const orders = await Promise.all(
      Array.from({ length: 4 }, () =>
        createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(100), method: 'wechatpay' }),
      ),
    );
    for (const order of orders) await payOrder(t.app, auth, order.id);

    const beforePaying = groupCommitCounts(t.app.db);
    const paid = await Promise.all(
      orders.map((order) => confirmCashier(t.app, auth, order.id, { outcome: 'success', password: '123456' })),
    );
    expect(paid.map((reply) => reply.result)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const beforeCrediting = groupCommitCounts(t.app.db);
    expect((await t.app.jobs.runOnce(time.now())).notificationsSent).toBe(4);
    const afterCrediting = groupCommitCounts(t.app.db);

    for (const order of orders) expect((await getOrder(t.app, auth, order.id)).state).toBe('credited');
    const cardNow = (await t.app.inject({ url: `/api/v1/cards/${card.id}`, headers: auth })).json();
    expect(cardNow.balance).toEqual({ amountMinor: yuan(400), currency: 'CNY' });
    const receipts = (await inbox(auth)).filter((message) => message.kind === 'topup_sms');
    expect(receipts).toHaveLength(4);
    await expectBalancesMatchLedger(t.app);
    if (!onPostgres) {
      // The platform's four payments (each with its stored notification), then the four credits.
      expect(beforeCrediting.works - beforePaying.works).toBe(4);
      expect(beforeCrediting.transactions - beforePaying.transactions).toBeLessThan(4);
      expect(afterCrediting.works - beforeCrediting.works).toBe(4);
    }
  });

  it('credits amount + bonus for a 遠遊卡 paid by UnionPay with the one-time code from the inbox', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth, 'yuanyou');
    const order = await createOrder(t.app, auth, {
      cardId: card.id,
      amountMinor: yuan(1000),
      method: 'unionpay',
      promotionId: 'yuanyou-2026-winter',
    });
    expect(order).toMatchObject({
      bonus: { amountMinor: yuan(50), currency: 'HKD' },
      total: { amountMinor: yuan(1050) },
    });
    const payment = await payOrder(t.app, auth, order.id);
    expect(payment.cashier.payerCardMasked).toMatch(/\*{4}/);
    expect(payment.cashier.otpRecipient).not.toBeNull();

    const noCode = await post(`/api/v1/orders/${order.id}/cashier/confirm`, auth, { outcome: 'success' });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().error.code).toBe('CASHIER_CODE_REQUIRED');

    const sent = await post(`/api/v1/orders/${order.id}/cashier/sms-code`, auth);
    expect(sent.statusCode, sent.body).toBe(200);
    const codeMessage = (await inbox(auth)).find((m) => m.kind === 'payment_code');
    const code = /\b(\d{6})\b/.exec(codeMessage?.body ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await post(`/api/v1/orders/${order.id}/cashier/confirm`, auth, {
      outcome: 'success',
      smsCode: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.json().error.code).toBe('SMS_CODE_INVALID');

    expect((await confirmCashier(t.app, auth, order.id, { outcome: 'success', smsCode: code })).result).toBe('ok');
    await t.app.jobs.runOnce(time.now());
    const credited = await getOrder(t.app, auth, order.id);
    expect(credited.state).toBe('credited');
    const cardNow = (await t.app.inject({ url: `/api/v1/cards/${card.id}`, headers: auth })).json();
    expect(cardNow.balance).toEqual({ amountMinor: yuan(1050), currency: 'HKD' });
    const kinds = (
      await t.app.db
        .selectFrom('ledger_entries')
        .select(['kind', 'amountMinor'])
        .where('orderId', '=', order.id)
        .execute()
    ).map((e) => [e.kind, Number(e.amountMinor)]);
    expect(kinds.sort()).toEqual([
      ['bonus', yuan(50)],
      ['topup', yuan(1000)],
    ]);
    await expectBalancesMatchLedger(t.app);
  });

  it('credits an Alipay top-up through its signed form notification', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const order = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(300), method: 'alipay' });
    const payment = await payOrder(t.app, auth, order.id);
    expect(payment.method).toBe('alipay');
    expect((await confirmCashier(t.app, auth, order.id, { outcome: 'success', password: '654321' })).result).toBe('ok');
    await t.app.jobs.runOnce(time.now());
    expect((await getOrder(t.app, auth, order.id)).state).toBe('credited');
    await expectBalancesMatchLedger(t.app);
  });
});

describe('what can go wrong at the cashier', () => {
  let auth: Auth;
  let cardId: string;
  beforeAll(async () => {
    ({ auth } = await newAccount());
    cardId = (await verifiedCard(t.app, auth)).id;
  });
  const balance = async () =>
    (await t.app.inject({ url: `/api/v1/cards/${cardId}`, headers: auth })).json().balance.amountMinor as number;

  it('insufficient funds: the order fails, nothing is credited, a new order can be made', async () => {
    const before = await balance();
    const order = await createOrder(t.app, auth, { cardId, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    const declined = await confirmCashier(t.app, auth, order.id, { outcome: 'insufficient_funds', password: '123456' });
    expect(declined.result).toBe('fail');
    expect(declined.order).toMatchObject({ state: 'failed', endReason: 'insufficient_funds' });
    await t.app.jobs.runOnce(time.now());
    expect(await balance()).toBe(before);
    const retry = await post(`/api/v1/orders/${order.id}/pay`, auth);
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('ORDER_NOT_PAYABLE');
  });

  it('cancel at the cashier: the order stays payable; paying again later credits it', async () => {
    const order = await createOrder(t.app, auth, { cardId, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    const cancelled = await confirmCashier(t.app, auth, order.id, { outcome: 'cancel' });
    expect(cancelled).toMatchObject({
      result: 'cancel',
      errMsg: 'requestPayment:fail cancel',
      order: { state: 'paying' },
    });
    const again = await payOrder(t.app, auth, order.id);
    expect(again.order.state).toBe('paying');
    await confirmCashier(t.app, auth, order.id, { outcome: 'success', password: '000000' });
    await t.app.jobs.runOnce(time.now());
    expect((await getOrder(t.app, auth, order.id)).state).toBe('credited');
  });

  it('a password is required for WeChat Pay', async () => {
    const order = await createOrder(t.app, auth, { cardId, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    const res = await post(`/api/v1/orders/${order.id}/cashier/confirm`, auth, { outcome: 'success' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'PAYMENT_PASSWORD_REQUIRED', field: 'password' });
  });

  it('time-out after paying: the notification is lost, the query job finds the payment and credits it once', async () => {
    const before = await balance();
    const order = await createOrder(t.app, auth, { cardId, amountMinor: yuan(500), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    const silent = await confirmCashier(t.app, auth, order.id, { outcome: 'timeout', password: '123456' });
    expect(silent.result).toBe('timeout');
    await t.app.jobs.runOnce(time.now());
    expect((await getOrder(t.app, auth, order.id)).state).toBe('paying');
    time.advance(11 * SECOND);
    await t.app.jobs.runOnce(time.now());
    const after = await getOrder(t.app, auth, order.id);
    expect(after.state).toBe('credited');
    expect(await balance()).toBe(before + yuan(500));
    await t.app.jobs.runOnce(time.now());
    expect(await balance()).toBe(before + yuan(500));
    await expectBalancesMatchLedger(t.app);
  });

  it('an unpaid order can be cancelled; a cancelled or credited one cannot be cancelled again', async () => {
    const order = await createOrder(t.app, auth, { cardId, amountMinor: yuan(100), method: 'alipay' });
    await payOrder(t.app, auth, order.id);
    const res = await post(`/api/v1/orders/${order.id}/cancel`, auth);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'closed', endReason: 'cancelled' });
    const twice = await post(`/api/v1/orders/${order.id}/cancel`, auth);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ORDER_NOT_CANCELLABLE');
    const pay = await post(`/api/v1/orders/${order.id}/pay`, auth);
    expect(pay.statusCode).toBe(409);
  });

  it('unpaid orders close by themselves after 15 minutes, also at the provider', async () => {
    const created = await createOrder(t.app, auth, { cardId, amountMinor: yuan(100), method: 'wechatpay' });
    const paying = await createOrder(t.app, auth, { cardId, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, paying.id);
    time.advance(14 * MINUTE);
    await t.app.jobs.runOnce(time.now());
    expect((await getOrder(t.app, auth, created.id)).state).toBe('created');
    time.advance(2 * MINUTE);
    await t.app.jobs.runOnce(time.now());
    for (const id of [created.id, paying.id]) {
      expect(await getOrder(t.app, auth, id)).toMatchObject({ state: 'closed', endReason: 'expired' });
    }
    const trade = await t.app.payments.providerFor('wechatpay').query(paying.outTradeNo);
    expect(trade?.state).toBe('CLOSED');
  });

  it("another user's order is a 404 on every route", async () => {
    const order = await createOrder(t.app, auth, { cardId, amountMinor: yuan(100), method: 'wechatpay' });
    const stranger = await wechatUser(t.app);
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: stranger.auth })).statusCode).toBe(404);
    for (const path of ['pay', 'cancel', 'cashier/sms-code']) {
      expect((await post(`/api/v1/orders/${order.id}/${path}`, stranger.auth)).statusCode).toBe(404);
    }
    expect(
      (await post(`/api/v1/orders/${order.id}/cashier/confirm`, stranger.auth, { outcome: 'cancel' })).statusCode,
    ).toBe(404);
    const list = orderListSchema.parse((await t.app.inject({ url: '/api/v1/orders', headers: stranger.auth })).json());
    expect(list.orders).toEqual([]);
  });
});

describe('notifications: replays, forgeries and late arrivals', () => {
  /** The stored notification of an order, as the simulated platform would (re)send it. */
  async function notificationOf(order: Order) {
    const row = await t.app.db
      .selectFrom('sim_notifications')
      .selectAll()
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    const format = t.app.payments.notificationFormats.find((f: NotificationFormat) => f.provider === row.provider);
    if (!format) throw new Error(`no format for ${row.provider}`);
    return async () => {
      const { headers, body } = await format.build(row.payload, { probe: false, now: time.now() });
      return t.app.inject({ method: 'POST', url: new URL(row.url).pathname, headers, payload: body });
    };
  }

  it('20 concurrent replays of one notification, and replays after crediting, credit exactly once', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const order = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    await confirmCashier(t.app, auth, order.id, { outcome: 'success', password: '123456' });
    const send = await notificationOf(order);
    const replies = await Promise.all(Array.from({ length: 20 }, send));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(20).fill(204));
    const later = await Promise.all(Array.from({ length: 5 }, send));
    expect(later.map((r) => r.statusCode)).toEqual(Array(5).fill(204));
    await t.app.jobs.runOnce(time.now());
    const entries = await t.app.db.selectFrom('ledger_entries').selectAll().where('orderId', '=', order.id).execute();
    expect(entries).toHaveLength(1);
    expect((await getOrder(t.app, auth, order.id)).state).toBe('credited');
    await expectBalancesMatchLedger(t.app);
  });

  it('a genuine notification reporting another amount is refused and changes nothing', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const order = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    await confirmCashier(t.app, auth, order.id, { outcome: 'timeout', password: '123456' });
    const row = await t.app.db
      .selectFrom('sim_notifications')
      .selectAll()
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    const transaction = JSON.parse(row.payload) as { amount: { total: number; payer_total: number } };
    transaction.amount.total = 1;
    transaction.amount.payer_total = 1;
    const format = t.app.payments.notificationFormats.find((f: NotificationFormat) => f.provider === 'wechatpay');
    const { headers, body } = await format!.build(JSON.stringify(transaction), { probe: false, now: time.now() });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/wechatpay/notify',
      headers,
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'FAIL' });
    expect((await getOrder(t.app, auth, order.id)).state).toBe('paying');
    expect(await t.app.ledgerService.sumOfEntries(card.id)).toBe(0);
  });

  it('a forged notification is refused whatever the order’s state', async () => {
    const { auth } = await newAccount();
    const card = await verifiedCard(t.app, auth);
    const order = await createOrder(t.app, auth, { cardId: card.id, amountMinor: yuan(100), method: 'wechatpay' });
    await payOrder(t.app, auth, order.id);
    await confirmCashier(t.app, auth, order.id, { outcome: 'timeout', password: '123456' });
    const row = await t.app.db
      .selectFrom('sim_notifications')
      .selectAll()
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    const format = t.app.payments.notificationFormats.find((f: NotificationFormat) => f.provider === 'wechatpay');
    const genuine = await format!.build(row.payload, { probe: false, now: time.now() });
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/wechatpay/notify',
      headers: { ...genuine.headers, 'wechatpay-signature': Buffer.from('forged').toString('base64') },
      payload: genuine.body,
    });
    expect(forged.statusCode).toBeGreaterThanOrEqual(400);
    expect(forged.json()).toMatchObject({ code: 'FAIL' });
    expect((await getOrder(t.app, auth, order.id)).state).toBe('paying');
  });
});

describe('a payment provider that cannot be reached', () => {
  it('answers 502 PAYMENT_PROVIDER_ERROR in the user’s language; the order stays payable', async () => {
    const down = async () => {
      throw new PaymentProviderError('platform not reached');
    };
    const broken = await buildTestApp({
      clock: time.clock,
      env: { JOB_INTERVAL_MS: '0' },
      paymentProviders: { wechatpay: { methods: ['wechatpay'], prepare: down, query: down, close: down } },
    });
    try {
      const { auth, order } = await wechatPayOrderOnNewAccount(broken.app, yuan(100));
      const res = await broken.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${order.id}/pay?lang=en`,
        headers: auth,
      });
      expect(res.statusCode).toBe(502);
      expect(res.json().error).toEqual({
        code: 'PAYMENT_PROVIDER_ERROR',
        message: 'The payment service cannot be reached; try again soon. You will not be charged twice',
      });
      expectNoInternals(res.body);
      expect((await getOrder(broken.app, auth, order.id)).state).toBe('paying');
    } finally {
      await broken.close();
    }
  });
});

describe('a job runner that dies while asking the provider about a payment', () => {
  it('holds the order only for its 30 s claim, then another run finds the payment and credits it', async () => {
    const clock = testClock('2026-12-02T02:00:00.000Z');
    // The runner's query goes out and no answer ever comes back: what a process killed mid-call leaves.
    let cutOff = false;
    let queryCutOff: () => void = () => {};
    const queryWentOut = new Promise<void>((resolve) => {
      queryCutOff = resolve;
    });
    // The app is built with this transport, so the way into the app is filled in after.
    const toApp: { transport?: HttpTransport } = {};
    const transport: HttpTransport = (request) => {
      if (cutOff && request.method === 'GET' && request.url.includes('/v3/pay/transactions/out-trade-no/')) {
        queryCutOff();
        return new Promise(() => {});
      }
      if (!toApp.transport) throw new Error('transport used before the app was built');
      return toApp.transport(request);
    };
    const dying = await buildTestApp({
      clock: clock.clock,
      transport,
      env: INSTANT_TOPUP_ENV,
    });
    toApp.transport = injectTransport(dying.app);
    try {
      const { auth, order } = await wechatPayOrderOnNewAccount(dying.app, yuan(200));
      await payOrder(dying.app, auth, order.id);
      // Paid on the platform, its notification lost: only a query can tell the merchant.
      await confirmCashier(dying.app, auth, order.id, { outcome: 'timeout', password: '123456' });
      // Late enough in the backoff that the next regular query would be five minutes away.
      clock.advance(130 * SECOND);
      cutOff = true;
      void dying.app.jobs.runOnce(clock.now());
      await queryWentOut;
      cutOff = false;

      clock.advance(29 * SECOND);
      await dying.app.jobs.runOnce(clock.now());
      expect((await getOrder(dying.app, auth, order.id)).state).toBe('paying');

      clock.advance(2 * SECOND);
      await dying.app.jobs.runOnce(clock.now());
      expect((await getOrder(dying.app, auth, order.id)).state).toBe('credited');
      await expectBalancesMatchLedger(dying.app);
    } finally {
      await dying.close();
    }
  });
});
