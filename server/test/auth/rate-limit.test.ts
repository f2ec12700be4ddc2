import { DEVICE_ID_HEADER } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper';
import { PASSWORD, codeOf, newDeviceId, newMainlandPhone, registerUser, requestCode } from '../fixtures/accounts';
import { MINUTE, testClock } from '../fixtures/clock';

const time = testClock();
let t: TestApp;
beforeAll(async () => {
  // Small limits, so the brakes show after a few requests.
  t = await buildTestApp({
    clock: time.clock,
    env: {
      RATE_LIMIT_LOGIN_PHONE: '3/15m',
      RATE_LIMIT_LOGIN_ADDRESS: '5/15m',
      RATE_LIMIT_LOGIN_PHONE_ANY_ADDRESS: '8/1h',
      RATE_LIMIT_SMS_CODE_PHONE: '2/1h',
      RATE_LIMIT_SMS_CODE_ADDRESS: '4/10m',
      RATE_LIMIT_REGISTER_PHONE: '2/15m',
      RATE_LIMIT_REGISTER_ADDRESS: '20/10m',
      RATE_LIMIT_WECHAT_ADDRESS: '3/10m',
    },
  });
});
afterAll(() => t.close());

// Each account from its own address, so setting up does not spend the per-address limits under test.
let setups = 0;
const register = () => {
  setups += 1;
  return registerUser(t.app, { remoteAddress: `10.200.${Math.floor(setups / 250)}.${setups % 250}` });
};

interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
  body: string;
}

/** A 429 envelope whose seconds match Retry-After, which is at most the window. */
function expectLimited(res: Reply, windowSeconds: number, lang: 'zh-Hans' | 'en' = 'zh-Hans') {
  expect(res.statusCode, res.body).toBe(429);
  const seconds = Number(res.headers['retry-after']);
  expect(seconds).toBeGreaterThan(windowSeconds - 30);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
  expect(res.json()).toEqual({
    error: {
      code: 'RATE_LIMITED',
      message: lang === 'en' ? `Too many attempts; try again in ${seconds} s` : `操作太频繁，请 ${seconds} 秒后再试`,
    },
  });
}

const login = (phone: unknown, remoteAddress: string, lang = '') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/auth/login${lang}`,
    remoteAddress,
    payload: { phone, password: 'Wrong-pass-1' },
  });

const loginWith = (phone: unknown, password: string, remoteAddress: string, lang = '') =>
  t.app.inject({ method: 'POST', url: `/api/v1/auth/login${lang}`, remoteAddress, payload: { phone, password } });

describe('login', () => {
  it('stops a phone and address pair after its wrong passwords; the owner at another address still logs in', async () => {
    const { phone } = await register();
    for (let i = 0; i < 3; i += 1) expect((await login(phone, '10.0.0.1')).statusCode).toBe(401);
    // Another phone from the guessing address is not affected.
    expect((await login(newMainlandPhone(), '10.0.0.1')).statusCode).toBe(401);
    expectLimited(await login(phone, '10.0.0.1'), 15 * 60);
    // Not even the right password opens the pair that guessed.
    expectLimited(await loginWith(phone, PASSWORD, '10.0.0.1', '?lang=en'), 15 * 60, 'en');
    // The stranger's guesses handed out no lock-out button: the owner elsewhere is let in.
    const owner = await loginWith(phone, PASSWORD, '10.0.0.5');
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('counts only failures, and a right password clears its pair', async () => {
    const { phone } = await register();
    expect((await login(phone, '10.0.0.11')).statusCode).toBe(401);
    expect((await login(phone, '10.0.0.11')).statusCode).toBe(401);
    expect((await loginWith(phone, PASSWORD, '10.0.0.11')).statusCode).toBe(200);
    expect((await login(phone, '10.0.0.11')).statusCode).toBe(401);
    expect((await login(phone, '10.0.0.11')).statusCode).toBe(401);
  });

  it('counts parallel guesses before the slow password check, so they cannot all slip past the bar', async () => {
    const { phone } = await register();
    const replies = await Promise.all(Array.from({ length: 5 }, () => login(phone, '10.0.0.21')));
    const codes = replies.map((res) => res.statusCode).sort();
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts an IPv6 client by its /64, so fresh addresses from one network are one pair', async () => {
    const { phone } = await register();
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:0:0:0:3'])
      expect((await login(phone, address)).statusCode).toBe(401);
    expectLimited(await login(phone, '2001:db8:1:2:ffff::9'), 15 * 60);
    expect((await loginWith(phone, PASSWORD, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('stops a phone guessed at from many addresses with a far higher bar, and says how to get back in', async () => {
    const { phone } = await register();
    // Eight failures (the bar here) from three addresses, each under the pair bar of three.
    for (const address of ['10.0.7.1', '10.0.7.1', '10.0.7.2', '10.0.7.2', '10.0.7.3', '10.0.7.3', '10.0.7.4'])
      expect((await login(phone, address)).statusCode).toBe(401);
    expect((await login(phone, '10.0.7.4')).statusCode).toBe(401);
    const locked = await loginWith(phone, PASSWORD, '10.0.7.5', '?lang=en');
    expect(locked.statusCode, locked.body).toBe(429);
    const seconds = Number(locked.headers['retry-after']);
    expect(seconds).toBeGreaterThan(60 * 60 - 30);
    expect(seconds).toBeLessThanOrEqual(60 * 60);
    expect(locked.json()).toEqual({
      error: {
        code: 'LOGIN_LOCKED',
        message: `Too many failed logins for this phone number; try again in ${seconds} s or reset the password with an SMS code`,
      },
    });
    const zh = await loginWith(phone, PASSWORD, '10.0.7.6');
    expect(zh.json<{ error: { message: string } }>().error.message).toMatch(
      /^这个手机号登录失败次数太多，请 \d+ 秒后再试/,
    );
    // The bar is per window: an hour later the owner is let in.
    time.advance(60 * MINUTE);
    expect((await loginWith(phone, PASSWORD, '10.0.7.6')).statusCode).toBe(200);
  });

  it('limits attempts per address, whichever phones they try', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login(newMainlandPhone(), '10.0.1.1')).statusCode).toBe(401);
    const res = await login(newMainlandPhone(), '10.0.1.1', '?lang=en');
    expectLimited(res, 15 * 60, 'en');
    expect(res.headers['x-ratelimit-limit']).toBe('5');
    // The address is refused before its body is even read: a bad body is limited too.
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.0.1.1',
      payload: {},
    });
    expectLimited(bad, 15 * 60);
    expect((await login(newMainlandPhone(), '10.0.1.2')).statusCode).toBe(401);
  });
});

describe('sms-code', () => {
  const ask = (phone: unknown, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-code',
      remoteAddress,
      headers: { [DEVICE_ID_HEADER]: newDeviceId() },
      payload: { phone, purpose: 'register' },
    });

  it('limits codes per phone (beyond the one-a-minute rule)', async () => {
    const phone = newMainlandPhone();
    expect((await ask(phone, '10.0.2.1')).statusCode).toBe(200);
    time.advance(MINUTE);
    expect((await ask(phone, '10.0.2.2')).statusCode).toBe(200);
    time.advance(MINUTE);
    // The hour started with the first code, two minutes ago (windows run on the app's clock).
    expectLimited(await ask(phone, '10.0.2.3'), 58 * 60);
  });

  it('limits codes per address', async () => {
    for (let i = 0; i < 4; i += 1) expect((await ask(newMainlandPhone(), '10.0.3.1')).statusCode).toBe(200);
    expectLimited(await ask(newMainlandPhone(), '10.0.3.1'), 10 * 60);
  });
});

describe('register', () => {
  it('limits code tries per phone and device, so a stranger’s tries brake neither the owner nor the code', async () => {
    const phone = newMainlandPhone();
    const owner = newDeviceId();
    const sms = await requestCode(t.app, phone, owner, '10.0.4.9');
    const attempt = (remoteAddress: string, deviceId: string, smsCode = '000000') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress,
        headers: { [DEVICE_ID_HEADER]: deviceId },
        payload: { phone, password: PASSWORD, smsCode },
      });
    const stranger = newDeviceId();
    expect((await attempt('10.0.4.1', stranger)).statusCode).toBe(400);
    expect((await attempt('10.0.4.2', stranger)).statusCode).toBe(400);
    expectLimited(await attempt('10.0.4.3', stranger), 15 * 60);
    const res = await attempt('10.0.4.1', owner, codeOf(sms));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('limits one device’s tries on a phone from many addresses', async () => {
    const phone = newMainlandPhone();
    const device = newDeviceId();
    await requestCode(t.app, phone, device, '10.0.4.19');
    const attempt = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress,
        headers: { [DEVICE_ID_HEADER]: device },
        payload: { phone, password: PASSWORD, smsCode: '000000' },
      });
    expect((await attempt('10.0.4.11')).statusCode).toBe(400);
    expect((await attempt('10.0.4.12')).statusCode).toBe(400);
    expectLimited(await attempt('10.0.4.13'), 15 * 60);
  });
});

describe('password reset', () => {
  it('counts reset codes with the other codes sent to the phone', async () => {
    // Registering sent this phone its first code of the hour; the limit is two.
    const { phone } = await register();
    const ask = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sms-code',
        remoteAddress,
        headers: { [DEVICE_ID_HEADER]: newDeviceId() },
        payload: { phone, purpose: 'reset_password' },
      });
    expect((await ask('10.0.5.1')).statusCode).toBe(200);
    time.advance(MINUTE);
    expectLimited(await ask('10.0.5.2'), 59 * 60);
  });

  it('limits reset tries per phone and device, like register: the owner’s device is not braked by a stranger', async () => {
    const { phone } = await register();
    const attempt = (remoteAddress: string, deviceId: string, smsCode = '000000') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset?lang=en',
        remoteAddress,
        headers: { [DEVICE_ID_HEADER]: deviceId },
        payload: { phone, password: 'Another-pass-2', smsCode },
      });
    const stranger = newDeviceId();
    expect((await attempt('10.0.6.1', stranger)).statusCode).toBe(400);
    expect((await attempt('10.0.6.2', stranger)).statusCode).toBe(400);
    expectLimited(await attempt('10.0.6.3', stranger), 15 * 60, 'en');
    const owner = newDeviceId();
    time.advance(MINUTE);
    const sms = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sms-code',
      remoteAddress: '10.0.6.9',
      headers: { [DEVICE_ID_HEADER]: owner },
      payload: { phone, purpose: 'reset_password' },
    });
    expect(sms.statusCode, sms.body).toBe(200);
    const res = await attempt('10.0.6.1', owner, codeOf(sms.json()));
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('wechat', () => {
  // Every new code can create an account, and there is no phone to count by: the address is braked.
  it('limits logins per address', async () => {
    const wechat = (code: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', remoteAddress, payload: { code } });
    for (let i = 0; i < 3; i++) expect((await wechat(`spam-code-${i}-abcdef`, '10.9.9.9')).statusCode).toBe(200);
    expectLimited(await wechat('spam-code-3-abcdef', '10.9.9.9'), 600);
    expect((await wechat('spam-code-4-abcdef', '10.9.9.10')).statusCode).toBe(200);
  });
});
