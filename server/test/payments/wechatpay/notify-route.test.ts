import { Formatter, Rsa } from 'wechatpay-axios-plugin';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WECHATPAY_NOTIFY_PATH } from '../../../src/payments/wechatpay/index';
import {
  SAMPLE_OPENID,
  SAMPLE_TRANSACTION_ID,
  paidTransaction,
  startWechatPay,
  type WechatPayHarness,
} from './harness';
import { otherPrivatePem } from './keys-fixture';

/**
 * The notify route (shared/PAYMENTS.md §3, §4): only a notification signed by the platform key, fresh,
 * decrypting under our APIv3 key and naming our merchant and app reaches the orders feature.
 */

let h: WechatPayHarness;
beforeAll(async () => {
  h = await startWechatPay();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.onPaid.mockReset();
  h.onPaid.mockResolvedValue('applied');
});

const OPENID = SAMPLE_OPENID;
const TRANSACTION_ID = SAMPLE_TRANSACTION_ID;

const payload = (overrides: Record<string, unknown> = {}): string => JSON.stringify(paidTransaction(h, overrides));

/** The platform's own notification, as its outbox would send it. */
const genuine = (text = payload(), options: { probe?: boolean; now?: Date } = {}) =>
  h.sim.notificationFormat.build(text, { probe: options.probe ?? false, now: options.now ?? h.time.now() });

/** Signature headers made with the SDK and the platform key over `body`. */
function signedBy(body: string, privatePem = h.pem.platformPrivate): Record<string, string> {
  const timestamp = String(Formatter.timestamp());
  const nonce = Formatter.nonce();
  return {
    'content-type': 'application/json',
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': h.merchant.publicKeyId,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    'wechatpay-signature': Rsa.sign(Formatter.response(timestamp, nonce, body), privatePem),
  };
}

async function deliver(notification: { headers: Record<string, string>; body: string }) {
  const response = await fetch(`${h.origin}${WECHATPAY_NOTIFY_PATH}`, {
    method: 'POST',
    headers: notification.headers,
    body: notification.body,
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

const refusedFor = (reason: string) =>
  h.logs().filter((line) => line.msg === 'WeChat Pay notification refused' && line.reason === reason);

describe('a genuine notification', () => {
  it('reaches onPaid once per delivery, 204 for applied and for already', async () => {
    const notification = await genuine();
    const first = await deliver(notification);
    expect(first).toEqual({ status: 204, text: '', json: undefined });
    expect(h.onPaid).toHaveBeenCalledTimes(1);
    expect(h.onPaid).toHaveBeenCalledWith({
      outTradeNo: 'NOTIFY-0001',
      state: 'SUCCESS',
      transactionId: TRANSACTION_ID,
      amountMinor: 10000,
      currency: 'CNY',
      paidAt: '2025-06-01T08:00:00.000Z',
      stateDesc: '支付成功',
    });

    h.onPaid.mockResolvedValue('already');
    // A retry is signed and encrypted afresh, as the platform does.
    expect((await deliver(await genuine())).status).toBe(204);
    expect(h.onPaid).toHaveBeenCalledTimes(2);
  });

  it('is refused (and retried by the platform) when the order is unknown or does not match', async () => {
    h.onPaid.mockResolvedValue('unknown_order');
    expect(await deliver(await genuine())).toMatchObject({ status: 404, json: { code: 'FAIL' } });
    h.onPaid.mockResolvedValue('mismatch');
    expect(await deliver(await genuine())).toMatchObject({ status: 400, json: { code: 'FAIL' } });
    expect(refusedFor('mismatch')).toHaveLength(1);
  });

  it('answers 500 FAIL, not the API envelope, when the handler throws', async () => {
    h.onPaid.mockRejectedValue(new Error('database is gone'));
    const reply = await deliver(await genuine());
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ code: 'FAIL', message: '处理失败' });
  });
});

describe('refused notifications leave onPaid uncalled', () => {
  afterEach(() => {
    expect(h.onPaid).not.toHaveBeenCalled();
  });

  it('a bad signature', async () => {
    const notification = await genuine();
    const forged = { ...notification, headers: signedBy(notification.body, otherPrivatePem) };
    expect(await deliver(forged)).toMatchObject({ status: 401, json: { code: 'FAIL' } });
    expect(refusedFor('signature bad_signature').length).toBeGreaterThan(0);
  });

  it('a WECHATPAY/SIGNTEST/ probe', async () => {
    const probe = await genuine(payload(), { probe: true });
    expect(probe.headers['wechatpay-signature']).toMatch(/^WECHATPAY\/SIGNTEST\//);
    expect(await deliver(probe)).toMatchObject({ status: 401, json: { code: 'FAIL' } });
    expect(refusedFor('signature probe').length).toBeGreaterThan(0);
  });

  it('a timestamp older than 5 minutes', async () => {
    const stale = await genuine(payload(), { now: new Date(h.time.now().getTime() - 5 * 60 * 1000 - 2000) });
    expect(await deliver(stale)).toMatchObject({ status: 401, json: { code: 'FAIL' } });
    expect(refusedFor('signature stale').length).toBeGreaterThan(0);
  });

  it('a key id the merchant does not hold', async () => {
    const notification = await genuine();
    const other = { ...notification, headers: { ...notification.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000' } };
    expect(await deliver(other)).toMatchObject({ status: 401 });
  });

  it('another merchant, or another app', async () => {
    expect(await deliver(await genuine(payload({ mchid: '1900000109' })))).toMatchObject({ status: 400 });
    expect(await deliver(await genuine(payload({ appid: 'wx0000000000000000' })))).toMatchObject({ status: 400 });
    expect(refusedFor('transaction of another merchant or app')).toHaveLength(2);
  });

  it('a tampered ciphertext (signed again, so only the GCM tag can tell)', async () => {
    const event = JSON.parse((await genuine()).body);
    const bytes = Buffer.from(event.resource.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    event.resource.ciphertext = bytes.toString('base64');
    const body = JSON.stringify(event);
    expect(await deliver({ headers: signedBy(body), body })).toMatchObject({ status: 400, json: { code: 'FAIL' } });
    expect(refusedFor('resource failed decryption').length).toBeGreaterThan(0);
  });

  it('a body changed after signing', async () => {
    const notification = await genuine();
    const changed = { ...notification, body: notification.body.replace('支付成功', '支付成功 ') };
    expect(await deliver(changed)).toMatchObject({ status: 401 });
    // Even a change JSON does not see (whitespace) breaks it: the raw bytes are what is verified.
    expect(await deliver({ ...notification, body: `${notification.body} ` })).toMatchObject({ status: 401 });
  });

  it('a body that is not a notification, and a paid state that is not SUCCESS', async () => {
    const junk = '{"hello":"world"}';
    expect(await deliver({ headers: signedBy(junk), body: junk })).toMatchObject({ status: 400 });
    expect(await deliver(await genuine(payload({ trade_state: 'NOTPAY' })))).toMatchObject({ status: 400 });
  });
});

describe('the route scope', () => {
  it('logs why a notification was refused without the decrypted resource', async () => {
    await deliver(await genuine(payload({ mchid: '1900000109' })));
    const text = JSON.stringify(h.logs());
    expect(text).not.toContain(OPENID);
    expect(text).not.toContain(TRANSACTION_ID);
    expect(text).not.toContain(h.merchant.apiV3Key);
  });

  it("leaves the API's JSON parser alone", async () => {
    const response = await fetch(`${h.origin}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(await response.json()).toEqual({ echoed: { a: 1 } });
  });
});
