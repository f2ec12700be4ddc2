import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createBankcardSim,
  loadBankcardPlatformKeys,
  type BankcardSim,
} from '../../../src/payment-sims/bankcard/index';
import {
  BANKCARD_NOTIFY_PATH,
  createBankcardProvider,
  loadBankcardMerchant,
  type BankcardMerchant,
} from '../../../src/payments/bankcard/index';
import { PaymentProviderError, type PaymentOrder, type PaymentProvider } from '../../../src/payments/provider';
import type { CashierRecipient } from '../../../src/payment-sims/platform';
import { signMessage, signedMessage, unixTimestamp } from '../../../src/security/rsa-signature';
import { MINUTE, SECOND } from '../../fixtures/clock';
import {
  MERCHANT_ORIGIN,
  newPaymentOrder,
  notificationsOf,
  paidCallsFor,
  resetOnPaid,
  tradeRow,
  type PaymentEnv,
} from '../payment-env';
import { createBankcardEnv } from './env';

let env: PaymentEnv;
let merchant: BankcardMerchant;
let sim: BankcardSim;
let provider: PaymentProvider;
let recipient: CashierRecipient;

beforeAll(async () => {
  env = await createBankcardEnv();
  merchant = await loadBankcardMerchant(env.dataDir);
  sim = createBankcardSim({
    db: env.db,
    clock: env.time.clock,
    outbox: env.outbox,
    keys: await loadBankcardPlatformKeys(env.dataDir),
    hasher: env.hasher,
    messages: env.messages,
  });
  provider = createBankcardProvider({
    merchant,
    bank: sim,
    notifyUrl: `${MERCHANT_ORIGIN}${BANKCARD_NOTIFY_PATH}`,
    clock: env.time.clock,
  });
  recipient = { userId: env.userId, to: '+86 139****0001', lang: 'en' };
});
afterAll(() => env.close());
beforeEach(() => resetOnPaid(env));
const callsFor = (outTradeNo: string) => paidCallsFor(env, outTradeNo);

const order = (overrides: Partial<PaymentOrder> = {}) =>
  newPaymentOrder(
    env,
    { method: 'unionpay', amountMinor: 100_000, currency: 'HKD', description: '遠遊卡增值 HK$1,000.00' },
    overrides,
  );

async function prepared(overrides: Partial<PaymentOrder> = {}) {
  const o = order(overrides);
  const params = await provider.prepare(o);
  if (params.method === 'wechatpay' || params.method === 'alipay') throw new Error('not a bank-card reply');
  return { order: o, paymentToken: params.params.paymentToken };
}

/** Sends a code and reads it where the user would: the inbox. */
async function sendCode(outTradeNo: string) {
  const inbox = async () => (await env.messages.list({ userId: env.userId }, recipient.lang)).messages;
  const before = new Set((await inbox()).map((message) => message.id));
  const reply = await sim.sendCode!(outTradeNo, recipient);
  const [latest, ...others] = (await inbox()).filter((message) => !before.has(message.id));
  expect(others).toEqual([]);
  const code = /Your code is (\d{6})/.exec(latest?.body ?? '')?.[1];
  if (!code) throw new Error(`no code in ${latest?.body}`);
  return { reply, code, message: latest };
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('bank-card provider and simulated bank', () => {
  it('creates a payment; the same order again gets the same token, another is refused', async () => {
    const { order: o, paymentToken } = await prepared();
    expect(paymentToken).toMatch(/^bpt_[A-Za-z0-9_-]{32}$/);
    expect(await provider.prepare(o)).toEqual({ method: 'unionpay', params: { paymentToken } });
    await expect(provider.prepare({ ...o, amountMinor: 50_000 })).rejects.toThrow(/OUT_TRADE_NO_USED/);
    await expect(provider.prepare({ ...o, method: 'credit_card' })).rejects.toBeInstanceOf(PaymentProviderError);
    expect(await provider.query(o.outTradeNo)).toEqual({
      outTradeNo: o.outTradeNo,
      state: 'NOTPAY',
      stateDesc: null,
      transactionId: null,
      amountMinor: 100_000,
      currency: 'HKD',
      paidAt: null,
    });
    expect(await provider.query('never-created')).toBeNull();
    expect(await provider.close('never-created')).toBe('unknown');
  });

  it('refuses calls signed with another key, for another merchant, or outside the five-minute window', async () => {
    const body = JSON.stringify({ outTradeNo: 'never-created' });
    const call = async (
      overrides: { key?: Parameters<typeof signMessage>[1]; merchantId?: string; at?: Date } = {},
    ) => {
      const timestamp = unixTimestamp(overrides.at ?? env.time.now());
      const message = signedMessage(['payments.query', timestamp, 'n0nce', body]);
      return sim.call({
        merchantId: overrides.merchantId ?? merchant.merchantId,
        operation: 'payments.query',
        timestamp,
        nonce: 'n0nce',
        body,
        signature: await signMessage(message, overrides.key ?? merchant.privateKey),
      });
    };
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(await call({ key: stranger })).toMatchObject({ ok: false, code: 'SIGN_ERROR' });
    expect(await call({ merchantId: '898000000000000' })).toMatchObject({ ok: false, code: 'SIGN_ERROR' });
    expect(await call({ at: new Date(env.time.now().getTime() - 6 * MINUTE) })).toMatchObject({ code: 'SIGN_ERROR' });
    expect(await call()).toMatchObject({ ok: false, code: 'ORDER_NOT_EXIST' });
  });

  it('shows a stable simulated card of the scheme and asks for a code', async () => {
    const { order: union } = await prepared();
    const { order: credit } = await prepared({ method: 'credit_card' });
    const unionSheet = await sim.sheet(union.outTradeNo);
    expect(unionSheet).toEqual({
      payerCardMasked: expect.stringMatching(/^6222 \*{4} \*{4} \d{4}$/),
      otpRequired: true,
    });
    expect(await sim.sheet((await prepared()).order.outTradeNo)).toEqual(unionSheet);
    expect((await sim.sheet(credit.outTradeNo)).payerCardMasked).toMatch(/^4000 \*{4} \*{4} \d{4}$/);
  });
});

describe('the one-time code', () => {
  it('lands in the inbox as a payment_code SMS and is stored only as a keyed hash', async () => {
    const { order: o } = await prepared();
    const { reply, code, message } = await sendCode(o.outTradeNo);
    expect(reply).toEqual({
      sentTo: '+86 139****0001',
      expiresAt: new Date(env.time.now().getTime() + 5 * MINUTE).toISOString(),
      resendAfterSeconds: 60,
    });
    expect(message).toMatchObject({ kind: 'payment_code', channel: 'sms', to: '+86 139****0001' });
    expect(message?.body).toBe(
      `[Simulated bank SMS] You are paying HK$1,000.00 to Top-up Helper (simulated merchant). Your code is ${code}, valid for 5 minutes. Never share it.`,
    );
    const row = await tradeRow(env.db, o.outTradeNo);
    expect(row.otpHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.otpHash).not.toBe(env.hasher.hash('cashier-otp', code));
  });

  it('is required, and must have been sent', async () => {
    const { order: o } = await prepared();
    await expect(sim.pay(o.outTradeNo, 'success', {})).rejects.toMatchObject({
      code: 'CASHIER_CODE_REQUIRED',
      statusCode: 400,
      field: 'smsCode',
    });
    await expect(sim.pay(o.outTradeNo, 'success', { smsCode: '123456' })).rejects.toMatchObject({
      code: 'SMS_CODE_EXPIRED',
    });
  });

  it('counts wrong tries and locks after five, even against the right code', async () => {
    const { order: o } = await prepared();
    const { code } = await sendCode(o.outTradeNo);
    for (const remaining of [4, 3, 2, 1]) {
      await expect(sim.pay(o.outTradeNo, 'success', { smsCode: otherCode(code) })).rejects.toMatchObject({
        code: 'SMS_CODE_INVALID',
        statusCode: 400,
        params: { remaining },
        field: 'smsCode',
      });
    }
    await expect(sim.pay(o.outTradeNo, 'success', { smsCode: otherCode(code) })).rejects.toMatchObject({
      code: 'SMS_CODE_LOCKED',
    });
    await expect(sim.pay(o.outTradeNo, 'success', { smsCode: code })).rejects.toMatchObject({
      code: 'SMS_CODE_LOCKED',
    });
    expect((await tradeRow(env.db, o.outTradeNo)).state).toBe('NOTPAY');

    // A new code, a minute later, starts afresh.
    env.time.advance(MINUTE);
    const fresh = await sendCode(o.outTradeNo);
    expect(await sim.pay(o.outTradeNo, 'success', { smsCode: fresh.code })).toBe('ok');
  });

  it('expires after five minutes', async () => {
    const { order: o } = await prepared({ expiresAt: new Date(env.time.now().getTime() + 30 * MINUTE) });
    const { code } = await sendCode(o.outTradeNo);
    env.time.advance(5 * MINUTE);
    await expect(sim.pay(o.outTradeNo, 'success', { smsCode: code })).rejects.toMatchObject({
      code: 'SMS_CODE_EXPIRED',
    });
  });

  it('is sent once a minute at most, and a new code replaces the old one', async () => {
    const { order: o } = await prepared();
    const first = await sendCode(o.outTradeNo);
    env.time.advance(20 * SECOND);
    await expect(sim.sendCode!(o.outTradeNo, recipient)).rejects.toMatchObject({
      code: 'SMS_CODE_TOO_SOON',
      statusCode: 429,
      params: { seconds: 40 },
    });
    await expect(
      Promise.all([sim.sendCode!(o.outTradeNo, recipient), sim.sendCode!(o.outTradeNo, recipient)]),
    ).rejects.toMatchObject({ code: 'SMS_CODE_TOO_SOON' });
    env.time.advance(40 * SECOND);
    const second = await sendCode(o.outTradeNo);
    if (second.code !== first.code) {
      await expect(sim.pay(o.outTradeNo, 'success', { smsCode: first.code })).rejects.toMatchObject({
        code: 'SMS_CODE_INVALID',
      });
    }
    expect(await sim.pay(o.outTradeNo, 'success', { smsCode: second.code })).toBe('ok');
  });

  it('is sent for payable orders only', async () => {
    const { order: o } = await prepared();
    expect(await provider.close(o.outTradeNo)).toBe('closed');
    await expect(sim.sendCode!(o.outTradeNo, recipient)).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      params: { state: 'closed' },
    });
  });
});

describe('simulated bank cashier', () => {
  it('pays once on a double tap, and the merchant hears of it once per delivery', async () => {
    const { order: o } = await prepared({ method: 'credit_card' });
    const { code } = await sendCode(o.outTradeNo);
    const answers = await Promise.all([
      sim.pay(o.outTradeNo, 'success', { smsCode: code }),
      sim.pay(o.outTradeNo, 'success', { smsCode: code }),
    ]);
    expect(answers).toEqual(['ok', 'ok']);
    expect(await notificationsOf(env.db, o.outTradeNo)).toHaveLength(1);
    const row = await tradeRow(env.db, o.outTradeNo);
    expect(row).toMatchObject({ state: 'SUCCESS', otpHash: null, successTime: env.time.now().toISOString() });
    // CC, the Beijing time of payment to the second, ten digits.
    const beijing = new Date(env.time.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/\D/g, '');
    expect(row.transactionId).toMatch(new RegExp(`^CC${beijing}\\d{10}$`));

    const expected = {
      outTradeNo: o.outTradeNo,
      state: 'SUCCESS',
      transactionId: row.transactionId,
      amountMinor: 100_000,
      currency: 'HKD',
      paidAt: env.time.now().toISOString(),
    };
    expect(await provider.query(o.outTradeNo)).toEqual({ ...expected, stateDesc: null });
    // Earlier tests' payments may be due too: look at this order's calls only.
    await env.outbox.deliverDue(env.time.now());
    expect(callsFor(o.outTradeNo)).toEqual([expected]);
    expect((await notificationsOf(env.db, o.outTradeNo))[0]).toMatchObject({ state: 'delivered', lastStatus: 204 });
    expect(await provider.close(o.outTradeNo)).toBe('paid');
  });

  it('timeout: pays but the notification is lost', async () => {
    const { order: o } = await prepared();
    const { code } = await sendCode(o.outTradeNo);
    expect(await sim.pay(o.outTradeNo, 'timeout', { smsCode: code })).toBe('ok');
    expect((await notificationsOf(env.db, o.outTradeNo)).map((n) => n.state)).toEqual(['lost']);
    expect(await provider.query(o.outTradeNo)).toMatchObject({ state: 'SUCCESS' });
  });

  it('insufficient funds: declined with the reason, no notification, no second try', async () => {
    const { order: o } = await prepared();
    const { code } = await sendCode(o.outTradeNo);
    expect(await sim.pay(o.outTradeNo, 'insufficient_funds', { smsCode: code })).toBe('fail');
    expect(await notificationsOf(env.db, o.outTradeNo)).toEqual([]);
    expect(await provider.query(o.outTradeNo)).toMatchObject({ state: 'PAYERROR', stateDesc: '余额不足' });
    await expect(sim.pay(o.outTradeNo, 'success', { smsCode: code })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      params: { state: 'failed' },
    });
  });

  it('refuses to pay a closed or expired order', async () => {
    const closed = (await prepared()).order;
    const { code } = await sendCode(closed.outTradeNo);
    expect(await provider.close(closed.outTradeNo)).toBe('closed');
    await expect(sim.pay(closed.outTradeNo, 'success', { smsCode: code })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      statusCode: 409,
      params: { state: 'closed' },
    });

    const expiring = (await prepared({ expiresAt: new Date(env.time.now().getTime() + 2 * MINUTE) })).order;
    const sent = await sendCode(expiring.outTradeNo);
    env.time.advance(2 * MINUTE);
    await expect(sim.pay(expiring.outTradeNo, 'success', { smsCode: sent.code })).rejects.toMatchObject({
      code: 'ORDER_NOT_PAYABLE',
      params: { state: 'closed' },
    });
    expect(await provider.query(expiring.outTradeNo)).toMatchObject({ state: 'CLOSED' });
    expect(await notificationsOf(env.db, closed.outTradeNo)).toEqual([]);
  });
});
