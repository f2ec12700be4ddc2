import { createPublicKey } from 'node:crypto';
import { Formatter, Rsa } from 'wechatpay-axios-plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error';
import { fetchTransport } from '../../../src/http/transport';
import { PaymentProviderError } from '../../../src/payments/provider';
import { WECHATPAY_NOTIFY_PATH } from '../../../src/payments/wechatpay/index';
import { MINUTE } from '../../fixtures/clock';
import { newOrder, startWechatPay, type WechatPayHarness } from './harness';
import { otherPrivatePem } from './keys-fixture';

/**
 * The simulated platform's v3 API and cashier, driven by raw signed requests (made with the SDK's
 * primitives, so a bad one can be crafted) and by our merchant provider.
 */

let h: WechatPayHarness;
beforeAll(async () => {
  h = await startWechatPay();
});
afterAll(async () => {
  await h.close();
});

interface RawReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
}

async function v3(
  method: 'GET' | 'POST',
  pathWithQuery: string,
  body?: unknown,
  options: { key?: string; ageSeconds?: number; mchid?: string; serial?: string; sentBody?: string } = {},
): Promise<RawReply> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = Math.floor(h.time.now().getTime() / 1000) - (options.ageSeconds ?? 0);
  const nonce = Formatter.nonce();
  const signature = Rsa.sign(
    Formatter.request(method, pathWithQuery, timestamp, nonce, text),
    options.key ?? h.pem.merchantPrivate,
  );
  const response = await fetch(`${h.origin}${pathWithQuery}`, {
    method,
    headers: {
      authorization: Formatter.authorization(
        options.mchid ?? h.merchant.mchid,
        nonce,
        signature,
        timestamp,
        options.serial ?? h.merchant.serialNo,
      ),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: options.sentBody ?? text }),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const raw = await response.text();
  return { status: response.status, headers, text: raw, json: raw ? (JSON.parse(raw) as unknown) : undefined };
}

/** Every reply, errors included, carries a valid platform signature over its exact body. */
function expectSignedByPlatform(reply: RawReply) {
  expect(reply.headers['wechatpay-serial']).toBe(h.merchant.publicKeyId);
  expect(reply.headers['request-id']).toMatch(/^[0-9A-F]{32}$/);
  const message = Formatter.response(
    reply.headers['wechatpay-timestamp']!,
    reply.headers['wechatpay-nonce']!,
    reply.text,
  );
  expect(Rsa.verify(message, reply.headers['wechatpay-signature']!, h.pem.platformPublic)).toBe(true);
}

function prepayBody(overrides: Record<string, unknown> = {}) {
  return {
    appid: h.merchant.appid,
    mchid: h.merchant.mchid,
    description: '中港通卡充值 ¥100.00',
    out_trade_no: `RAW${Date.now()}${Math.floor(Math.random() * 1000)}`,
    time_expire: '2099-01-01T00:00:00+08:00',
    notify_url: `${h.origin}${WECHATPAY_NOTIFY_PATH}`,
    amount: { total: 10000, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    ...overrides,
  };
}

const JSAPI = '/v3/pay/transactions/jsapi';
const SIGN_ERROR = { status: 401, json: { code: 'SIGN_ERROR' } };

describe('merchant authentication', () => {
  it('refuses a request signed with another key: 401 SIGN_ERROR, and the refusal is signed', async () => {
    const reply = await v3('POST', JSAPI, prepayBody(), { key: otherPrivatePem });
    expect(reply).toMatchObject(SIGN_ERROR);
    expectSignedByPlatform(reply);
  });

  it('refuses no Authorization, a stale timestamp, another merchant or serial, a body changed after signing', async () => {
    const bare = await fetch(`${h.origin}/v3/pay/transactions/out-trade-no/ABCDEF?mchid=${h.merchant.mchid}`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ code: 'SIGN_ERROR' });
    expect(await v3('POST', JSAPI, prepayBody(), { ageSeconds: 301 })).toMatchObject(SIGN_ERROR);
    expect(await v3('POST', JSAPI, prepayBody(), { mchid: '1900000109' })).toMatchObject(SIGN_ERROR);
    expect(await v3('POST', JSAPI, prepayBody(), { serial: 'F'.repeat(40) })).toMatchObject(SIGN_ERROR);
    const body = prepayBody();
    const tampered = JSON.stringify({ ...body, amount: { total: 1, currency: 'CNY' } });
    expect(await v3('POST', JSAPI, body, { sentBody: tampered })).toMatchObject(SIGN_ERROR);
  });

  it('accepts a timestamp within 5 minutes', async () => {
    expect((await v3('POST', JSAPI, prepayBody(), { ageSeconds: 290 })).status).toBe(200);
  });
});

describe('JSAPI prepay', () => {
  it('refuses missing or wrong fields with PARAM_ERROR naming the field', async () => {
    const { amount: _amount, ...noAmount } = prepayBody();
    const cases: [unknown, string][] = [
      [prepayBody({ amount: { currency: 'CNY' } }), '/amount/total'],
      [prepayBody({ amount: { total: 0, currency: 'CNY' } }), '/amount/total'],
      [noAmount, '/amount'],
      [prepayBody({ payer: {} }), '/payer/openid'],
      [prepayBody({ description: 'x'.repeat(128) }), '/description'],
      [prepayBody({ out_trade_no: 'abc' }), '/out_trade_no'],
      [prepayBody({ notify_url: 'https://example.com/notify?x=1' }), '/notify_url'],
      [prepayBody({ time_expire: '2099-01-01 00:00:00' }), '/time_expire'],
      [prepayBody({ amount: { total: 100, currency: 'HKD' } }), '/amount/currency'],
    ];
    for (const [body, field] of cases) {
      const reply = await v3('POST', JSAPI, body);
      expect(reply, field).toMatchObject({
        status: 400,
        json: { code: 'PARAM_ERROR', message: '参数错误', detail: { field, location: 'body' } },
      });
      expectSignedByPlatform(reply);
    }
    expect(await v3('POST', JSAPI, '{"appid":')).toMatchObject({ status: 400, json: { code: 'PARAM_ERROR' } });
  });

  it('refuses another app with APPID_MCHID_NOT_MATCH', async () => {
    const reply = await v3('POST', JSAPI, prepayBody({ appid: 'wx0000000000000000' }));
    expect(reply).toMatchObject({ status: 400, json: { code: 'APPID_MCHID_NOT_MATCH' } });
  });

  it('gives a fresh prepay_id for the same parameters and refuses other parameters with OUT_TRADE_NO_USED', async () => {
    const body = prepayBody();
    const first = await v3('POST', JSAPI, body);
    const again = await v3('POST', JSAPI, body);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const firstId = (first.json as { prepay_id: string }).prepay_id;
    expect((again.json as { prepay_id: string }).prepay_id).not.toBe(firstId);

    const other = await v3('POST', JSAPI, { ...body, amount: { total: 20000, currency: 'CNY' } });
    expect(other).toMatchObject({ status: 403, json: { code: 'OUT_TRADE_NO_USED', message: '商户订单号重复' } });
    expectSignedByPlatform(other);
  });

  it('stores time_expire from the order to the second, as +08:00 on the wire', async () => {
    const order = newOrder(h, { expiresAt: new Date('2099-03-04T05:06:07.890Z') });
    await h.provider.prepare(order);
    const row = await h.db
      .selectFrom('sim_payments')
      .selectAll()
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      provider: 'wechatpay',
      merchantId: h.merchant.mchid,
      state: 'NOTPAY',
      expiresAt: '2099-03-04T05:06:07.000Z',
      currency: 'CNY',
      payer: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      notifyUrl: `${h.origin}${WECHATPAY_NOTIFY_PATH}`,
    });
    expect(Number(row.amountMinor)).toBe(10_000);
  });
});

describe('query and close', () => {
  it('answer ORDER_NOT_EXIST for an order the platform never saw', async () => {
    const reply = await v3('GET', `/v3/pay/transactions/out-trade-no/NEVER-SEEN?mchid=${h.merchant.mchid}`);
    expect(reply).toMatchObject({ status: 404, json: { code: 'ORDER_NOT_EXIST' } });
    expectSignedByPlatform(reply);
    expect(await h.provider.query('NEVER-SEEN')).toBeNull();
    expect(await h.provider.close('NEVER-SEEN')).toBe('unknown');
  });

  it('query needs the mchid parameter', async () => {
    const reply = await v3('GET', '/v3/pay/transactions/out-trade-no/NEVER-SEEN');
    expect(reply).toMatchObject({
      status: 400,
      json: { code: 'PARAM_ERROR', detail: { field: 'mchid', location: 'query' } },
    });
  });

  it('close answers 204 with an empty signed body, again on a closed order, and the order cannot be paid', async () => {
    const order = newOrder(h);
    await h.provider.prepare(order);
    const reply = await v3('POST', `/v3/pay/transactions/out-trade-no/${order.outTradeNo}/close`, {
      mchid: h.merchant.mchid,
    });
    expect(reply).toMatchObject({ status: 204, text: '' });
    expectSignedByPlatform(reply);
    expect(await h.provider.close(order.outTradeNo)).toBe('closed');
    expect(await h.provider.query(order.outTradeNo)).toMatchObject({ state: 'CLOSED', transactionId: null });
    await expect(h.sim.pay(order.outTradeNo, 'success', { password: '123456' })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      statusCode: 409,
      params: { state: 'closed' },
    });
    // Preparing a closed order again is refused by the platform: the provider reports it as a failure.
    await expect(h.provider.prepare(order)).rejects.toThrow(/ORDER_CLOSED/);
  });
});

describe('the cashier', () => {
  it('shows no card and asks no one-time code', async () => {
    expect(await h.sim.sheet('ANY-ORDER')).toEqual({ payerCardMasked: null, otpRequired: false });
  });

  it('requires a 6-digit password', async () => {
    const order = newOrder(h);
    await h.provider.prepare(order);
    for (const password of [undefined, '12345', '12345a', '1234567']) {
      const error = await h.sim.pay(order.outTradeNo, 'success', { password }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'PAYMENT_PASSWORD_REQUIRED', statusCode: 400, field: 'password' });
    }
    expect(await h.provider.query(order.outTradeNo)).toMatchObject({ state: 'NOTPAY' });
  });

  it('pays: SUCCESS with a 28-digit transaction id, its notification stored, and close then says paid', async () => {
    const order = newOrder(h);
    await h.provider.prepare(order);
    expect(await h.sim.pay(order.outTradeNo, 'success', { password: '000000' })).toBe('ok');
    const trade = await h.provider.query(order.outTradeNo);
    expect(trade).toMatchObject({
      outTradeNo: order.outTradeNo,
      state: 'SUCCESS',
      amountMinor: 10_000,
      currency: 'CNY',
    });
    expect(trade?.transactionId).toMatch(/^42000\d{23}$/);
    // success_time has whole seconds on the wire.
    expect(trade?.paidAt).toBe(new Date(Math.floor(h.time.now().getTime() / 1000) * 1000).toISOString());
    const notifications = await h.db
      .selectFrom('sim_notifications')
      .selectAll()
      .where('outTradeNo', '=', order.outTradeNo)
      .execute();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      provider: 'wechatpay',
      state: 'pending',
      url: `${h.origin}${WECHATPAY_NOTIFY_PATH}`,
    });
    expect(JSON.parse(notifications[0]!.payload)).toMatchObject({
      out_trade_no: order.outTradeNo,
      trade_state: 'SUCCESS',
      transaction_id: trade?.transactionId,
    });
    expect(await h.provider.close(order.outTradeNo)).toBe('paid');
    // The platform's own answer to closing a paid order: a signed business refusal.
    const reply = await v3('POST', `/v3/pay/transactions/out-trade-no/${order.outTradeNo}/close`, {
      mchid: h.merchant.mchid,
    });
    expect(reply).toMatchObject({ status: 403, json: { code: 'TRADE_ERROR' } });
    expectSignedByPlatform(reply);
  });

  it("delivers the payment's notification to the notify route, after refusing a signature probe", async () => {
    await h.outbox.deliverDue(h.time.now()); // earlier tests' notifications out of the way
    const order = newOrder(h);
    await h.provider.prepare(order);
    await h.sim.pay(order.outTradeNo, 'success', { password: '123456' });
    // As if the outbox had picked this one for a WECHATPAY/SIGNTEST/ probe.
    await h.db.updateTable('sim_notifications').set({ probe: 1 }).where('outTradeNo', '=', order.outTradeNo).execute();
    h.onPaid.mockClear();
    const now = h.time.now();
    expect(await h.outbox.deliverDue(now)).toBe(1);
    const afterProbe = await h.db
      .selectFrom('sim_notifications')
      .selectAll()
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    expect(afterProbe).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 401, probe: 0 });
    expect(h.onPaid).not.toHaveBeenCalled();

    expect(await h.outbox.deliverDue(new Date(now.getTime() + 15_000))).toBe(1);
    const delivered = await h.db
      .selectFrom('sim_notifications')
      .selectAll()
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    expect(delivered).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 204 });
    expect(h.onPaid).toHaveBeenCalledTimes(1);
    expect(h.onPaid).toHaveBeenCalledWith(await h.provider.query(order.outTradeNo));
  });

  it('pays once on a double tap', async () => {
    const order = newOrder(h);
    await h.provider.prepare(order);
    const results = await Promise.all([
      h.sim.pay(order.outTradeNo, 'success', { password: '123456' }),
      h.sim.pay(order.outTradeNo, 'success', { password: '123456' }),
    ]);
    expect(results).toEqual(['ok', 'ok']);
    expect(await h.sim.pay(order.outTradeNo, 'success', { password: '123456' })).toBe('ok');
    const notifications = await h.db
      .selectFrom('sim_notifications')
      .select('payload')
      .where('outTradeNo', '=', order.outTradeNo)
      .execute();
    expect(notifications).toHaveLength(1);
    const trade = await h.provider.query(order.outTradeNo);
    expect(JSON.parse(notifications[0]!.payload).transaction_id).toBe(trade?.transactionId);
  });

  it('timeout: paid on the platform, its notification stored as lost', async () => {
    const order = newOrder(h);
    await h.provider.prepare(order);
    expect(await h.sim.pay(order.outTradeNo, 'timeout', { password: '123456' })).toBe('ok');
    expect(await h.provider.query(order.outTradeNo)).toMatchObject({ state: 'SUCCESS' });
    const row = await h.db
      .selectFrom('sim_notifications')
      .select('state')
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('lost');
  });

  it('insufficient funds: PAYERROR 余额不足, no notification, and the order can still be paid', async () => {
    const order = newOrder(h);
    await h.provider.prepare(order);
    expect(await h.sim.pay(order.outTradeNo, 'insufficient_funds', { password: '123456' })).toBe('fail');
    expect(await h.provider.query(order.outTradeNo)).toMatchObject({
      state: 'PAYERROR',
      transactionId: null,
      stateDesc: '余额不足',
    });
    const raw = await v3('GET', `/v3/pay/transactions/out-trade-no/${order.outTradeNo}?mchid=${h.merchant.mchid}`);
    expect(raw.json).toMatchObject({ trade_state: 'PAYERROR', trade_state_desc: '余额不足' });
    const count = await h.db
      .selectFrom('sim_notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('outTradeNo', '=', order.outTradeNo)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    expect(await h.sim.pay(order.outTradeNo, 'success', { password: '123456' })).toBe('ok');
  });

  it('refuses an unknown order', async () => {
    await expect(h.sim.pay('NEVER-PREPARED', 'success', { password: '123456' })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      statusCode: 409,
    });
  });

  // Last in the file: it moves the shared clock.
  it('refuses an expired order (the platform keeps it NOTPAY until closed) and refuses to prepay it again', async () => {
    const order = newOrder(h, { expiresAt: new Date(h.time.now().getTime() + 2 * MINUTE) });
    await h.provider.prepare(order);
    h.time.advance(2 * MINUTE + 1000);
    await expect(h.sim.pay(order.outTradeNo, 'success', { password: '123456' })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      params: { state: 'closed' },
    });
    await expect(h.sim.pay(order.outTradeNo, 'insufficient_funds', { password: '123456' })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
    });
    expect(await h.provider.query(order.outTradeNo)).toMatchObject({ state: 'NOTPAY' });
    await expect(h.provider.prepare(order)).rejects.toThrow(PaymentProviderError);
    expect(await h.provider.close(order.outTradeNo)).toBe('closed');
  });
});

describe('the merchant provider refuses what it cannot trust', () => {
  it('a reply signed with a key other than the platform key it holds', async () => {
    const impostor = h.providerWith({
      merchant: { ...h.merchant, platformPublicKey: createPublicKey(otherPrivatePem) },
    });
    await expect(impostor.prepare(newOrder(h))).rejects.toThrow(/not verified \(bad_signature\)/);
    await expect(impostor.query('NEVER-SEEN')).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it('a reply changed on the way', async () => {
    const plain = fetchTransport();
    const provider = h.providerWith({
      transport: async (request) => {
        const response = await plain(request);
        return { ...response, body: response.body.replace('NOTPAY', 'SUCCESS') };
      },
    });
    const order = newOrder(h);
    await h.provider.prepare(order);
    await expect(provider.query(order.outTradeNo)).rejects.toThrow(/not verified/);
  });

  it('a platform it cannot reach', async () => {
    const provider = h.providerWith({
      transport: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(provider.close('ANY-ORDER')).rejects.toThrow(/platform not reached/);
  });

  it('a refusal it did not expect', async () => {
    await expect(h.provider.prepare(newOrder(h, { currency: 'HKD' }))).rejects.toThrow(/400 PARAM_ERROR/);
  });
});
