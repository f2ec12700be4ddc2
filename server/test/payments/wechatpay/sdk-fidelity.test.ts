import { createPublicKey, generateKeyPairSync, type KeyLike } from 'node:crypto';
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WECHATPAY_NOTIFY_PATH } from '../../../src/payments/wechatpay/index';
import { CAPTURE_PATH, newOrder, paidTransaction, startWechatPay, type WechatPayHarness } from './harness';

/**
 * Fidelity with an independent implementation: the community SDK wechatpay-axios-plugin (shared/
 * PAYMENTS.md §7) plays the merchant against our simulated platform and checks the platform's
 * signatures itself, and its primitives check what our merchant side produces.
 */

/** The part of the SDK's dynamic call chain these tests use, typed (its own typings index every level loosely). */
interface SdkReply<T> {
  status: number;
  data: T;
}
interface SdkMerchant {
  v3: {
    pay: {
      transactions: {
        jsapi: { post(body: unknown): Promise<SdkReply<{ prepay_id: string }>> };
        outTradeNo: {
          _out_trade_no_: {
            get(config: {
              out_trade_no: string;
              params: { mchid: string };
            }): Promise<SdkReply<Record<string, unknown>>>;
            close: { post(body: { mchid: string }, config: { out_trade_no: string }): Promise<SdkReply<string>> };
          };
        };
      };
    };
  };
}

function sdkMerchant(platformPublicKey: KeyLike): SdkMerchant {
  return new Wechatpay({
    mchid: h.merchant.mchid,
    serial: h.merchant.serialNo,
    privateKey: h.pem.merchantPrivate,
    certs: { [h.merchant.publicKeyId]: platformPublicKey },
    baseURL: `${h.origin}/`,
  }) as unknown as SdkMerchant;
}

let h: WechatPayHarness;
let wxpay: SdkMerchant;

beforeAll(async () => {
  h = await startWechatPay();
  wxpay = sdkMerchant(h.pem.platformPublic);
});
afterAll(async () => {
  await h.close();
});

function prepayBody(outTradeNo: string, notifyUrl = `${h.origin}${WECHATPAY_NOTIFY_PATH}`) {
  return {
    appid: h.merchant.appid,
    mchid: h.merchant.mchid,
    description: '中港通卡充值 ¥50.00',
    out_trade_no: outTradeNo,
    time_expire: '2099-12-02T13:29:35+08:00',
    notify_url: notifyUrl,
    amount: { total: 5000, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  };
}

describe('the SDK as merchant against the simulator', () => {
  it('prepays, queries and closes, every reply verified by the SDK', async () => {
    const outTradeNo = `SDK${Date.now()}`;
    const prepay = await wxpay.v3.pay.transactions.jsapi.post(prepayBody(outTradeNo));
    expect(prepay.status).toBe(200);
    expect(prepay.data.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{20}$/);

    const query = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.get({
      out_trade_no: outTradeNo,
      params: { mchid: h.merchant.mchid },
    });
    expect(query.status).toBe(200);
    expect(query.data).toMatchObject({
      appid: h.merchant.appid,
      mchid: h.merchant.mchid,
      out_trade_no: outTradeNo,
      trade_state: 'NOTPAY',
      amount: { total: 5000, currency: 'CNY' },
    });

    const close = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.close.post(
      { mchid: h.merchant.mchid },
      { out_trade_no: outTradeNo },
    );
    expect(close.status).toBe(204);

    const closed = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.get({
      out_trade_no: outTradeNo,
      params: { mchid: h.merchant.mchid },
    });
    expect(closed.data.trade_state).toBe('CLOSED');
  });

  it('is refused by the SDK when the SDK holds another platform key (the check is real)', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const suspicious = sdkMerchant(stranger);
    await expect(suspicious.v3.pay.transactions.jsapi.post(prepayBody(`SDK${Date.now()}x`))).rejects.toMatchObject({
      code: 'EV3_RES_HEADER_SIGNATURE_DIGEST',
    });
  });
});

describe('our merchant side checked with the SDK primitives', () => {
  it('paySign verifies over appId, timeStamp, nonceStr and package', async () => {
    const { method, params } = await h.provider.prepare(newOrder(h));
    expect(method).toBe('wechatpay');
    if (method !== 'wechatpay') return;
    expect(params.signType).toBe('RSA');
    expect(params.timeStamp).toMatch(/^\d{10}$/);
    expect(params.package).toMatch(/^prepay_id=wx\d{14}[0-9a-f]{20}$/);
    const message = Formatter.joinedByLineFeed(h.merchant.appid, params.timeStamp, params.nonceStr, params.package);
    // What WeChat checks it with: the public half of the merchant key (registered with the platform).
    expect(Rsa.verify(message, params.paySign, createPublicKey(h.pem.merchantPrivate))).toBe(true);
    expect(Rsa.verify(`${message}x`, params.paySign, createPublicKey(h.pem.merchantPrivate))).toBe(false);
  });

  it('a notification the simulator sends verifies and decrypts with the SDK', async () => {
    const outTradeNo = `SDKN${Date.now()}`;
    await wxpay.v3.pay.transactions.jsapi.post(prepayBody(outTradeNo, `${h.origin}${CAPTURE_PATH}`));
    expect(await h.sim.pay(outTradeNo, 'success', { password: '123456' })).toBe('ok');
    expect(await h.outbox.deliverDue(h.time.now())).toBe(1);

    const [notification] = h.captured;
    if (!notification) throw new Error('no notification captured');
    const { headers, body } = notification;
    expect(headers['wechatpay-serial']).toBe(h.merchant.publicKeyId);
    expect(headers['wechatpay-signature-type']).toBe('WECHATPAY2-SHA256-RSA2048');
    const signed = Formatter.response(headers['wechatpay-timestamp']!, headers['wechatpay-nonce']!, body);
    expect(Rsa.verify(signed, headers['wechatpay-signature']!, Rsa.from(h.pem.platformPublic, 'public'))).toBe(true);

    const event = JSON.parse(body);
    expect(event).toMatchObject({
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.create_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(event.resource.nonce).toHaveLength(12);
    const { ciphertext, nonce, associated_data: aad } = event.resource;
    const transaction = JSON.parse(Aes.AesGcm.decrypt(ciphertext, h.merchant.apiV3Key, nonce, aad));
    expect(transaction).toMatchObject({
      appid: h.merchant.appid,
      mchid: h.merchant.mchid,
      out_trade_no: outTradeNo,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 5000, payer_total: 5000, currency: 'CNY', payer_currency: 'CNY' },
    });
    expect(transaction.transaction_id).toMatch(/^42000\d{23}$/);
    expect(transaction.success_time).toMatch(/\+08:00$/);
  });

  it('the notify route accepts a notification the SDK signs and encrypts with the platform keys', async () => {
    h.onPaid.mockClear();
    const transaction = paidTransaction(h, {
      out_trade_no: 'SDK-SIGNED-0001',
      amount: { total: 5000, payer_total: 5000, currency: 'CNY', payer_currency: 'CNY' },
    });
    const nonce = Formatter.nonce(12);
    const body = JSON.stringify({
      id: 'EV-2018022511223320873',
      create_time: '2025-06-01T16:00:01+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: Aes.AesGcm.encrypt(JSON.stringify(transaction), h.merchant.apiV3Key, nonce, 'transaction'),
        associated_data: 'transaction',
        nonce,
      },
    });
    const timestamp = String(Formatter.timestamp());
    const signNonce = Formatter.nonce();
    const response = await fetch(`${h.origin}${WECHATPAY_NOTIFY_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': signNonce,
        'wechatpay-serial': h.merchant.publicKeyId,
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
        'wechatpay-signature': Rsa.sign(Formatter.response(timestamp, signNonce, body), h.pem.platformPrivate),
      },
      body,
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(h.onPaid).toHaveBeenCalledTimes(1);
    expect(h.onPaid).toHaveBeenCalledWith({
      outTradeNo: 'SDK-SIGNED-0001',
      state: 'SUCCESS',
      transactionId: '4200001234202506011234567890',
      amountMinor: 5000,
      currency: 'CNY',
      paidAt: '2025-06-01T08:00:00.000Z',
      stateDesc: '支付成功',
    });
  });
});
