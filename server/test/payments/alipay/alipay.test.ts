import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentOrder } from '../../../src/payments/provider';
import { PaymentProviderError } from '../../../src/payments/provider';
import { createAlipaySim, loadAlipayPlatformKeys, type AlipaySim } from '../../../src/payment-sims/alipay/index';
import {
  ALIPAY_NOTIFY_PATH,
  createAlipayProvider,
  loadAlipayMerchant,
  type AlipayMerchant,
} from '../../../src/payments/alipay/index';
import { REQUEST_UNSIGNED, signContent } from '../../../src/payments/alipay/protocol';
import type { PaymentProvider } from '../../../src/payments/provider';
import { signMessage } from '../../../src/security/rsa-signature';
import { MINUTE } from '../../fixtures/clock';
import {
  MERCHANT_ORIGIN,
  newPaymentOrder,
  notificationsOf,
  paidCallsFor,
  resetOnPaid,
  tradeRow,
  type PaymentEnv,
} from '../payment-env';
import { createAlipayEnv } from './env';

let env: PaymentEnv;
let merchant: AlipayMerchant;
let sim: AlipaySim;
let provider: PaymentProvider;

beforeAll(async () => {
  env = await createAlipayEnv();
  merchant = await loadAlipayMerchant(env.dataDir);
  sim = createAlipaySim({
    db: env.db,
    clock: env.time.clock,
    outbox: env.outbox,
    keys: await loadAlipayPlatformKeys(env.dataDir),
  });
  provider = createAlipayProvider({
    merchant,
    gateway: sim,
    notifyUrl: `${MERCHANT_ORIGIN}${ALIPAY_NOTIFY_PATH}`,
    clock: env.time.clock,
  });
});
afterAll(() => env.close());
beforeEach(() => resetOnPaid(env));
const callsFor = (outTradeNo: string) => paidCallsFor(env, outTradeNo);

const order = (overrides: Partial<PaymentOrder> = {}) =>
  newPaymentOrder(
    env,
    { method: 'alipay', amountMinor: 20_050, currency: 'CNY', description: '中港通卡充值 ¥200.50' },
    overrides,
  );

async function prepared(overrides: Partial<PaymentOrder> = {}) {
  const o = order(overrides);
  const params = await provider.prepare(o);
  if (params.method !== 'alipay') throw new Error('not an Alipay reply');
  return { order: o, tradeNO: params.params.tradeNO };
}

describe('Alipay provider and simulated gateway', () => {
  it('creates a trade numbered like Alipay; the same order again gets the same trade, another is refused', async () => {
    const { order: o, tradeNO } = await prepared();
    expect(tradeNO).toMatch(/^2026120222001\d{15}$/);
    expect(await provider.prepare(o)).toEqual({ method: 'alipay', params: { tradeNO } });
    await expect(provider.prepare({ ...o, amountMinor: 30_000 })).rejects.toThrow(/ACQ\.CONTEXT_INCONSISTENT/);
    await expect(provider.prepare({ ...o, amountMinor: 30_000 })).rejects.toBeInstanceOf(PaymentProviderError);
    expect(await provider.query(o.outTradeNo)).toEqual({
      outTradeNo: o.outTradeNo,
      state: 'NOTPAY',
      stateDesc: null,
      transactionId: null,
      amountMinor: 20_050,
      currency: 'CNY',
      paidAt: null,
    });
    expect(await tradeRow(env.db, o.outTradeNo)).toMatchObject({ provider: 'alipay', merchantId: merchant.appId });
  });

  it('refuses to charge another currency than CNY', async () => {
    await expect(provider.prepare(order({ currency: 'HKD' }))).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it('knows nothing of an order it never saw', async () => {
    expect(await provider.query('never-created')).toBeNull();
    expect(await provider.close('never-created')).toBe('unknown');
  });

  it('refuses gateway calls signed with another key or for another app', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const params: Record<string, string> = {
      app_id: merchant.appId,
      method: 'alipay.trade.query',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: '2026-12-02 14:00:00',
      version: '1.0',
      biz_content: JSON.stringify({ out_trade_no: 'whatever' }),
    };
    const signed = async (p: Record<string, string>, key = merchant.privateKey) => ({
      ...p,
      sign: await signMessage(signContent(p, REQUEST_UNSIGNED), key),
    });
    expect(await sim.execute(await signed(params, stranger))).toMatchObject({
      code: '40002',
      sub_code: 'isv.invalid-signature',
    });
    expect(await sim.execute(await signed({ ...params, app_id: '2021000000000000' }))).toMatchObject({
      sub_code: 'isv.invalid-app-id',
    });
    expect(await sim.execute(await signed(params))).toMatchObject({ code: '40004', sub_code: 'ACQ.TRADE_NOT_EXIST' });
  });
});

describe('simulated Alipay cashier', () => {
  it('shows no card and asks no code', async () => {
    const { order: o } = await prepared();
    expect(await sim.sheet(o.outTradeNo)).toEqual({ payerCardMasked: null, otpRequired: false });
  });

  it('needs a six-digit payment password', async () => {
    const { order: o } = await prepared();
    for (const password of [undefined, '12345', '12345a']) {
      await expect(sim.pay(o.outTradeNo, 'success', password === undefined ? {} : { password })).rejects.toMatchObject({
        code: 'PAYMENT_PASSWORD_REQUIRED',
        statusCode: 400,
        field: 'password',
      });
    }
    expect((await tradeRow(env.db, o.outTradeNo)).state).toBe('NOTPAY');
  });

  it('pays once on a double tap, and the merchant hears of it once per delivery', async () => {
    const { order: o, tradeNO } = await prepared();
    const answers = await Promise.all([
      sim.pay(o.outTradeNo, 'success', { password: '123456' }),
      sim.pay(o.outTradeNo, 'success', { password: '123456' }),
    ]);
    expect(answers).toEqual(['ok', 'ok']);
    expect(await sim.pay(o.outTradeNo, 'success', { password: '654321' })).toBe('ok');
    const [notification, ...others] = await notificationsOf(env.db, o.outTradeNo);
    expect(others).toEqual([]);
    expect(notification?.state).toBe('pending');

    const paidAt = env.time.now();
    const expected = {
      outTradeNo: o.outTradeNo,
      state: 'SUCCESS',
      transactionId: tradeNO,
      amountMinor: 20_050,
      currency: 'CNY',
      // Alipay's times carry whole seconds.
      paidAt: new Date(Math.floor(paidAt.getTime() / 1000) * 1000).toISOString(),
    };
    expect(await provider.query(o.outTradeNo)).toEqual({ ...expected, stateDesc: null });

    // Earlier tests' payments may be due too: look at this order's calls only.
    await env.outbox.deliverDue(env.time.now());
    expect(callsFor(o.outTradeNo)).toEqual([expected]);
    expect((await notificationsOf(env.db, o.outTradeNo))[0]).toMatchObject({ state: 'delivered', lastStatus: 200 });
    await env.outbox.deliverDue(env.time.now());
    expect(callsFor(o.outTradeNo)).toHaveLength(1);
    expect(await provider.close(o.outTradeNo)).toBe('paid');
  });

  it('retries until the merchant answers success', async () => {
    const { order: o } = await prepared();
    await env.outbox.deliverDue(env.time.now());
    await sim.pay(o.outTradeNo, 'success', { password: '123456' });
    env.onPaid.mockReset();
    env.onPaid.mockResolvedValueOnce('unknown_order').mockResolvedValueOnce('already');
    expect(await env.outbox.deliverDue(env.time.now())).toBe(1);
    expect((await notificationsOf(env.db, o.outTradeNo))[0]).toMatchObject({ state: 'pending', lastStatus: 404 });
    env.time.advance(15_000);
    expect(await env.outbox.deliverDue(env.time.now())).toBe(1);
    expect((await notificationsOf(env.db, o.outTradeNo))[0]).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(callsFor(o.outTradeNo)).toHaveLength(2);
  });

  it('timeout: takes the money but loses the notification; the query still finds the payment', async () => {
    const { order: o } = await prepared();
    expect(await sim.pay(o.outTradeNo, 'timeout', { password: '123456' })).toBe('ok');
    expect((await notificationsOf(env.db, o.outTradeNo)).map((n) => n.state)).toEqual(['lost']);
    await env.outbox.deliverDue(env.time.now());
    expect(callsFor(o.outTradeNo)).toEqual([]);
    expect(await provider.query(o.outTradeNo)).toMatchObject({ state: 'SUCCESS' });
  });

  it('insufficient funds: declined, no notification, the query says why, and no second try', async () => {
    const { order: o } = await prepared();
    expect(await sim.pay(o.outTradeNo, 'insufficient_funds', { password: '123456' })).toBe('fail');
    expect(await notificationsOf(env.db, o.outTradeNo)).toEqual([]);
    expect(await provider.query(o.outTradeNo)).toMatchObject({ state: 'PAYERROR', stateDesc: '余额不足' });
    await expect(sim.pay(o.outTradeNo, 'success', { password: '123456' })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      statusCode: 409,
      params: { state: 'failed' },
    });
  });

  it('refuses to pay a closed order', async () => {
    const { order: o } = await prepared();
    expect(await provider.close(o.outTradeNo)).toBe('closed');
    expect(await provider.close(o.outTradeNo)).toBe('closed');
    await expect(sim.pay(o.outTradeNo, 'success', { password: '123456' })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      statusCode: 409,
      params: { state: 'closed' },
    });
    expect(await provider.query(o.outTradeNo)).toMatchObject({ state: 'CLOSED' });
    await expect(provider.prepare(o)).rejects.toThrow(/ACQ\.TRADE_HAS_CLOSE/);
    expect(await notificationsOf(env.db, o.outTradeNo)).toEqual([]);
  });

  it('refuses to pay an expired order, which then reads as closed', async () => {
    const { order: o } = await prepared({ expiresAt: new Date(env.time.now().getTime() + MINUTE) });
    env.time.advance(MINUTE);
    await expect(sim.pay(o.outTradeNo, 'success', { password: '123456' })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      params: { state: 'closed' },
    });
    expect(await provider.query(o.outTradeNo)).toMatchObject({ state: 'CLOSED', stateDesc: null });
  });

  it('says the order is unknown to a cashier asked about another one', async () => {
    await expect(sim.sheet('never-created')).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND', statusCode: 404 });
  });
});
