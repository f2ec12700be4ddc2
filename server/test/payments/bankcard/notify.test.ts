import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createBankcardNotificationFormat,
  loadBankcardPlatformKeys,
  type BankcardPlatformKeys,
} from '../../../src/payment-sims/bankcard/index';
import {
  BANKCARD_NOTIFY_PATH,
  loadBankcardMerchant,
  type BankcardMerchant,
} from '../../../src/payments/bankcard/index';
import { signMessage, signedMessage, unixTimestamp } from '../../../src/security/rsa-signature';
import { MINUTE } from '../../fixtures/clock';
import { resetOnPaid, type PaymentEnv } from '../payment-env';
import { createBankcardEnv } from './env';

let env: PaymentEnv;
let merchant: BankcardMerchant;
let bank: BankcardPlatformKeys;

const event = () => ({
  id: '5f4dcc3b-5aa7-4a6b-9c1e-0c2b6f1d2e3a',
  createTime: '2026-12-02T06:00:00.000Z',
  eventType: 'PAYMENT.SUCCESS',
  merchantId: merchant.merchantId,
  outTradeNo: 'T20261202000001',
  transactionId: 'UP202612021400000123456789',
  scheme: 'unionpay',
  state: 'SUCCESS',
  amount: { total: 100_000, currency: 'HKD' },
  successTime: '2026-12-02T06:00:00.000Z',
});

beforeAll(async () => {
  env = await createBankcardEnv();
  merchant = await loadBankcardMerchant(env.dataDir);
  bank = await loadBankcardPlatformKeys(env.dataDir);
});
afterAll(() => env.close());
beforeEach(() => resetOnPaid(env));

/** The notification exactly as the simulated bank sends it, now. */
const genuine = (body: object = event()) =>
  createBankcardNotificationFormat(bank).build(JSON.stringify(body), { probe: false, now: env.time.now() });

/** A hand-made notification: any timestamp, any key. */
async function signed(body: string, options: { at?: Date; key?: KeyObject } = {}) {
  const timestamp = unixTimestamp(options.at ?? env.time.now());
  const nonce = 'a1b2c3d4e5f6';
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'X-Bank-Timestamp': timestamp,
      'X-Bank-Nonce': nonce,
      'X-Bank-Signature': await signMessage(signedMessage([timestamp, nonce, body]), options.key ?? bank.privateKey),
    },
  };
}

const post = ({ headers, body }: { headers: Record<string, string>; body: string }) =>
  env.notifyApp.inject({ method: 'POST', url: BANKCARD_NOTIFY_PATH, headers, payload: body });

async function expectRefused(request: { headers: Record<string, string>; body: string }, status: number) {
  const res = await post(request);
  expect(res.statusCode).toBe(status);
  expect(res.json()).toEqual({ code: 'FAIL', message: '失败' });
  expect(env.onPaid).not.toHaveBeenCalled();
}

describe('POST /api/v1/payments/bankcard/notify', () => {
  it('accepts a genuine notification with 204, handing the trade over once per delivery', async () => {
    const request = await genuine();
    expect(Object.keys(request.headers).sort()).toEqual([
      'X-Bank-Nonce',
      'X-Bank-Signature',
      'X-Bank-Timestamp',
      'content-type',
    ]);
    const res = await post(request);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(env.onPaid).toHaveBeenCalledTimes(1);
    expect(env.onPaid).toHaveBeenCalledWith({
      outTradeNo: 'T20261202000001',
      state: 'SUCCESS',
      transactionId: 'UP202612021400000123456789',
      amountMinor: 100_000,
      currency: 'HKD',
      paidAt: '2026-12-02T06:00:00.000Z',
    });
    env.onPaid.mockResolvedValueOnce('already');
    expect((await post(await genuine())).statusCode).toBe(204);
    expect(env.onPaid).toHaveBeenCalledTimes(2);
  });

  it('refuses a signature made with another key', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    await expectRefused(await signed(JSON.stringify(event()), { key: stranger }), 401);
  });

  it('refuses a tampered body, even one that means the same as JSON', async () => {
    const request = await genuine();
    await expectRefused({ ...request, body: request.body.replace('100000', '1000000') }, 401);
    await expectRefused({ ...request, body: JSON.stringify(JSON.parse(request.body), null, 1) }, 401);
  });

  it('refuses a signature taken from another notification', async () => {
    const other = await genuine({ ...event(), outTradeNo: 'T20261202000002' });
    await expectRefused({ ...other, body: (await genuine()).body }, 401);
  });

  it('refuses a stale or future timestamp, though genuinely signed', async () => {
    const body = JSON.stringify(event());
    const now = env.time.now().getTime();
    await expectRefused(await signed(body, { at: new Date(now - 5 * MINUTE - 1000) }), 401);
    await expectRefused(await signed(body, { at: new Date(now + 5 * MINUTE + 1000) }), 401);
    const res = await post(await signed(body, { at: new Date(now - 4 * MINUTE) }));
    expect(res.statusCode).toBe(204);
  });

  it('refuses a genuine notification for another merchant or of another kind', async () => {
    await expectRefused(await signed(JSON.stringify({ ...event(), merchantId: '898000000000000' })), 400);
    await expectRefused(await signed(JSON.stringify({ ...event(), state: 'CLOSED' })), 400);
    await expectRefused(
      await signed(JSON.stringify({ ...event(), amount: { total: '1000.00', currency: 'HKD' } })),
      400,
    );
    await expectRefused(await signed('not json'), 400);
  });

  it('refuses a notification without its signature headers, or not JSON', async () => {
    const { headers, body } = await genuine();
    const { 'X-Bank-Signature': _signature, ...unsigned } = headers;
    await expectRefused({ headers: unsigned, body }, 401);
    await expectRefused({ headers: { ...headers, 'content-type': 'text/plain' }, body }, 415);
  });

  it('answers FAIL (and the bank retries) when the order is unknown or does not match, or the handler breaks', async () => {
    for (const [outcome, status] of [
      ['unknown_order', 404],
      ['mismatch', 409],
    ] as const) {
      env.onPaid.mockResolvedValueOnce(outcome);
      const res = await post(await genuine());
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual({ code: 'FAIL', message: '失败' });
    }
    env.onPaid.mockRejectedValueOnce(new Error('database is locked'));
    const res = await post(await genuine());
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'FAIL', message: '失败' });
  });
});
