import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlipaySdk } from 'alipay-sdk';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAlipayNotificationFormat,
  loadAlipayPlatformKeys,
  type AlipayPlatformKeys,
} from '../../../src/payment-sims/alipay/index';
import {
  ALIPAY_NOTIFY_PATH,
  alipayNotifyRoutes,
  loadAlipayMerchant,
  type AlipayMerchant,
} from '../../../src/payments/alipay/index';
import { NOTIFY_UNSIGNED, signContent } from '../../../src/payments/alipay/protocol';
import type { PaymentNotificationHandler } from '../../../src/payments/provider';
import { signMessage } from '../../../src/security/rsa-signature';
import { resetOnPaid, type PaymentEnv } from '../payment-env';
import { createAlipayEnv } from './env';

let env: PaymentEnv;
let merchant: AlipayMerchant;
let platform: AlipayPlatformKeys;
let sdk: AlipaySdk;

/** What the simulated platform stores for a payment (see payment-sims/alipay/notification.ts). */
const payload = {
  notify_id: '8f0c9d2a6b1e4c3f9a7d5e2b1c0a9f8e',
  app_id: '',
  out_trade_no: 'T20261202000001',
  trade_no: '2026120222001000000000000001',
  trade_status: 'TRADE_SUCCESS',
  total_amount: '200.50',
  receipt_amount: '200.50',
  buyer_pay_amount: '200.50',
  subject: '中港通卡充值 ¥200.50 & more=yes',
  gmt_create: '2026-12-02 13:58:00',
  gmt_payment: '2026-12-02 14:00:01',
};

beforeAll(async () => {
  env = await createAlipayEnv();
  merchant = await loadAlipayMerchant(env.dataDir);
  platform = await loadAlipayPlatformKeys(env.dataDir);
  payload.app_id = merchant.appId;
  // The npm SDK a real Alipay merchant would use, configured with the simulated platform's public key.
  const read = (file: string) => readFile(path.join(env.dataDir, 'alipay', file), 'utf8');
  sdk = new AlipaySdk({
    appId: merchant.appId,
    privateKey: await read('app_private_key.pem'),
    keyType: 'PKCS8',
    alipayPublicKey: await read('alipay_public_key.pem'),
  });
});
afterAll(() => env.close());
beforeEach(() => resetOnPaid(env));

/** The notification exactly as the simulated Alipay sends it. */
function genuine(fields: Record<string, string> = {}) {
  return createAlipayNotificationFormat(platform).build(JSON.stringify({ ...payload, ...fields }), {
    probe: false,
    now: new Date('2026-12-02T06:00:02Z'),
  });
}

/** Signs arbitrary parameters as a platform would (sorted, without sign and sign_type), or as a careless one. */
async function signed(params: Record<string, string>, options: { key?: KeyObject; sorted?: boolean } = {}) {
  const content =
    options.sorted === false
      ? Object.entries(params)
          .filter(([name]) => !NOTIFY_UNSIGNED.includes(name as 'sign'))
          .map(([name, value]) => `${name}=${value}`)
          .join('&')
      : signContent(params, NOTIFY_UNSIGNED);
  return new URLSearchParams({
    ...params,
    sign: await signMessage(content, options.key ?? platform.privateKey),
  }).toString();
}

const paramsOf = (body: string) => Object.fromEntries(new URLSearchParams(body));

const post = (body: string, contentType = 'application/x-www-form-urlencoded; charset=utf-8') =>
  env.notifyApp.inject({
    method: 'POST',
    url: ALIPAY_NOTIFY_PATH,
    headers: { 'content-type': contentType },
    payload: body,
  });

async function expectRefused(body: string, status: number, contentType?: string) {
  const res = await post(body, contentType);
  expect(res.statusCode).toBe(status);
  expect(res.body).toBe('fail');
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  expect(env.onPaid).not.toHaveBeenCalled();
}

describe('POST /api/v1/payments/alipay/notify', () => {
  it('accepts a genuine notification, hands the trade over once per delivery, and answers success', async () => {
    const { headers, body } = await genuine();
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    const res = await post(body, headers['content-type']);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('success');
    expect(env.onPaid).toHaveBeenCalledTimes(1);
    expect(env.onPaid).toHaveBeenCalledWith({
      outTradeNo: 'T20261202000001',
      state: 'SUCCESS',
      transactionId: '2026120222001000000000000001',
      amountMinor: 20_050,
      currency: 'CNY',
      paidAt: '2026-12-02T06:00:01.000Z',
    });

    // Alipay sends it again (a retry): acknowledged again, the orders feature says it already knows.
    env.onPaid.mockResolvedValueOnce('already');
    const again = await post((await genuine()).body);
    expect(again.body).toBe('success');
    expect(env.onPaid).toHaveBeenCalledTimes(2);
  });

  it('sends what the alipay-sdk npm package verifies (checkNotifySignV2) with the platform public key', async () => {
    const params = paramsOf((await genuine()).body);
    expect(params).toMatchObject({
      notify_type: 'trade_status_sync',
      notify_time: '2026-12-02 14:00:02',
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      total_amount: '200.50',
    });
    expect(sdk.checkNotifySignV2(params)).toBe(true);
    expect(sdk.checkNotifySignV2({ ...params, total_amount: '0.01' })).toBe(false);
  });

  it('accepts the parameters in any order on the wire: the signature is over them sorted', async () => {
    const entries = [...new URLSearchParams((await genuine()).body)].reverse();
    const res = await post(new URLSearchParams(entries).toString());
    expect(res.body).toBe('success');
  });

  it('refuses a signature made with another key', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const { sign: _sign, ...params } = paramsOf((await genuine()).body);
    await expectRefused(await signed(params, { key: stranger }), 401);
    await expectRefused(new URLSearchParams({ ...params, sign: 'bm90IGEgc2lnbmF0dXJl' }).toString(), 401);
  });

  it('refuses a tampered field', async () => {
    for (const [name, value] of Object.entries({ total_amount: '2005.00', out_trade_no: 'T20261202000002' })) {
      const params = paramsOf((await genuine()).body);
      await expectRefused(new URLSearchParams({ ...params, [name]: value }).toString(), 401);
    }
  });

  it('refuses a genuine signature for another app_id', async () => {
    const { sign: _sign, ...params } = paramsOf((await genuine({ app_id: '2021009999999999' })).body);
    await expectRefused(await signed(params), 400);
  });

  it('refuses a signature over unsorted parameters', async () => {
    const { sign: _sign, ...params } = paramsOf((await genuine()).body);
    await expectRefused(await signed(params, { sorted: false }), 401);
  });

  it('refuses a repeated parameter, even appended to a genuine notification', async () => {
    await expectRefused(`${(await genuine()).body}&trade_status=TRADE_CLOSED`, 400);
    await expectRefused(`${(await genuine()).body}&sign=x`, 400);
  });

  it('refuses no signature, RSA (SHA1) signatures, and bodies that are not forms', async () => {
    const { sign: _sign, ...params } = paramsOf((await genuine()).body);
    await expectRefused(new URLSearchParams(params).toString(), 401);
    await expectRefused(new URLSearchParams({ ...paramsOf((await genuine()).body), sign_type: 'RSA' }).toString(), 401);
    await expectRefused(JSON.stringify(paramsOf((await genuine()).body)), 415, 'application/json');
    await expectRefused('', 401);
  });

  it('acknowledges a genuine notification without payment and leaves the order alone', async () => {
    const res = await post((await genuine({ trade_status: 'TRADE_CLOSED' })).body);
    expect(res.body).toBe('success');
    expect(env.onPaid).not.toHaveBeenCalled();
  });

  it('refuses a genuine notification whose trade cannot be read', async () => {
    await expectRefused((await genuine({ total_amount: '200.5.0' })).body, 400);
    await expectRefused((await genuine({ gmt_payment: '2026-12-02T14:00:01Z' })).body, 400);
  });

  it('answers fail (and Alipay retries) when the order is unknown or does not match, or the handler breaks', async () => {
    for (const [outcome, status] of [
      ['unknown_order', 404],
      ['mismatch', 409],
    ] as const) {
      env.onPaid.mockResolvedValueOnce(outcome);
      const res = await post((await genuine()).body);
      expect([res.statusCode, res.body]).toEqual([status, 'fail']);
    }
    env.onPaid.mockRejectedValueOnce(new Error('database is locked'));
    const res = await post((await genuine()).body);
    expect([res.statusCode, res.body]).toEqual([500, 'fail']);
  });
});

describe('the notify scope', () => {
  let app: FastifyInstance;
  const onPaid = vi.fn<PaymentNotificationHandler>(async () => 'applied');
  beforeAll(async () => {
    // Beside an ordinary JSON route: the form parser and the error handler stay inside the notify scope.
    app = Fastify();
    app.post('/api/v1/echo', async (request) => request.body);
    await app.register(alipayNotifyRoutes({ merchant, onPaid }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('leaves the rest of the app its own parsers and error handling', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: { a: 1 } });
    expect(json.json()).toEqual({ a: 1 });
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(form.statusCode).toBe(415);
    expect(form.body).not.toBe('fail');
    const res = await app.inject({
      method: 'POST',
      url: ALIPAY_NOTIFY_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: (await genuine()).body,
    });
    expect(res.body).toBe('success');
  });
});
