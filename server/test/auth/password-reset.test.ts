import {
  DEVICE_ID_HEADER,
  SMS_CODE_MAX_ATTEMPTS,
  messageListSchema,
  sessionSchema,
  smsCodeReplySchema,
  type PhoneRegion,
  type SmsCodeReply,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';
import {
  CODE_DEVICE_ID,
  PASSWORD,
  codeOf,
  newDeviceId,
  newMainlandPhone,
  registerUser,
  wechatUser,
  GENEROUS_AUTH_LIMITS,
} from '../fixtures/accounts';
import { MINUTE, SECOND, testClock } from '../fixtures/clock';

// 忘记密码: a code sent by simulated SMS, a new password under the rules of registration, and every
// session of the account ended. A phone without an account must look like one with an account to
// whoever calls the API (only the SMS, which its holder reads, tells them apart).

const time = testClock();
let t: TestApp;
beforeAll(async () => {
  // Generous limits: this file exercises the rules, rate-limit.test.ts the limits.
  t = await buildTestApp({
    clock: time.clock,
    env: GENEROUS_AUTH_LIMITS,
  });
});
afterAll(() => t.close());

type Phone = { region: PhoneRegion; number: string };
const NEW_PASSWORD = 'newRoute2027';

const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });

async function expectError(
  res: { statusCode: number; json: () => unknown; body: string },
  status: number,
  error: { code: string; message: string; field?: string },
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toEqual({ error });
  expectNoInternals(res.body);
}

async function askReset(phone: Phone, deviceId = CODE_DEVICE_ID, query = ''): Promise<SmsCodeReply> {
  const res = await post(
    `/api/v1/auth/sms-code${query}`,
    { phone, purpose: 'reset_password' },
    { [DEVICE_ID_HEADER]: deviceId },
  );
  expect(res.statusCode, res.body).toBe(200);
  return smsCodeReplySchema.parse(res.json());
}

const reset = (phone: Phone, smsCode: string, password = NEW_PASSWORD, query = '', deviceId = CODE_DEVICE_ID) =>
  post(`/api/v1/auth/password-reset${query}`, { phone, smsCode, password }, { [DEVICE_ID_HEADER]: deviceId });

const login = (phone: Phone, password: string) => post('/api/v1/auth/login', { phone, password });
const me = (token: string) => t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

const countRows = async (table: 'users' | 'sessions' | 'smsCodes' | 'messages') =>
  Number(
    (
      await t.app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Everything a failed reset must leave as it was. */
const footprint = async () => ({
  users: await countRows('users'),
  sessions: await countRows('sessions'),
  messages: await countRows('messages'),
  revoked: Number(
    (
      await t.app.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('revokedAt', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('POST /api/v1/auth/sms-code for reset_password', () => {
  it('texts a registered phone a reset code, into the asking device’s inbox', async () => {
    const { phone } = await registerUser(t.app);
    const deviceId = newDeviceId();
    const reply = await askReset(phone, deviceId);
    expect(reply.resendAfterSeconds).toBe(60);
    expect(reply.expiresAt).toBe(new Date(time.now().getTime() + 5 * MINUTE).toISOString());
    expect(reply.message).toMatchObject({ kind: 'reset_code', channel: 'sms', title: '重置密码验证码', readAt: null });
    expect(reply.message.body).toMatch(
      /^【跨境卡续费助手·模拟短信】您正在重置登录密码，验证码是 \d{6}，5 分钟内有效。/,
    );
    const inbox = await t.app.inject({ url: '/api/v1/messages', headers: { [DEVICE_ID_HEADER]: deviceId } });
    expect(messageListSchema.parse(inbox.json()).messages).toEqual([reply.message]);
  });

  it('answers a phone without an account the same way, and its SMS carries no code', async () => {
    const known = await askReset((await registerUser(t.app)).phone);
    const codesBefore = await countRows('smsCodes');
    const usersBefore = await countRows('users');
    const unknown = await askReset(newMainlandPhone(), newDeviceId(), '?lang=en');
    // The same reply shape and timings; a code row is kept too, so the resend throttle behaves alike.
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort());
    expect(unknown.resendAfterSeconds).toBe(known.resendAfterSeconds);
    expect(await countRows('smsCodes')).toBe(codesBefore + 1);
    expect(unknown.message).toMatchObject({ kind: 'reset_no_account', channel: 'sms', title: 'Password reset' });
    expect(unknown.message.body).not.toMatch(/\d{6}/);
    expect(unknown.message.body).toContain('no account is registered with it, so no code was sent');
    expect(await countRows('users')).toBe(usersBefore);
  });

  it('throttles a second code within a minute alike for known and unknown phones', async () => {
    const known = (await registerUser(t.app)).phone;
    const unknown = newMainlandPhone();
    await askReset(known);
    await askReset(unknown);
    time.advance(20 * SECOND);
    for (const phone of [known, unknown]) {
      const res = await post(
        '/api/v1/auth/sms-code',
        { phone, purpose: 'reset_password' },
        { [DEVICE_ID_HEADER]: newDeviceId() },
      );
      await expectError(res, 429, { code: 'SMS_CODE_TOO_SOON', message: '验证码已发送，请 40 秒后再获取' });
    }
  });

  it('still refuses a register code for a registered phone, and an unknown purpose', async () => {
    const { phone } = await registerUser(t.app);
    const headers = { [DEVICE_ID_HEADER]: newDeviceId() };
    await expectError(await post('/api/v1/auth/sms-code?lang=en', { phone, purpose: 'register' }, headers), 409, {
      code: 'PHONE_ALREADY_REGISTERED',
      message: 'This phone number is already registered; log in instead',
      field: 'phone.number',
    });
    const res = await post('/api/v1/auth/sms-code?lang=en', { phone, purpose: 'login' }, headers);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'purpose' } });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^Purpose: /);
  });
});

describe('POST /api/v1/auth/password-reset', () => {
  it('sets the new password, ends every other session and logs this device in', async () => {
    const user = await registerUser(t.app);
    const { phone } = user;
    // Two more sessions of the same account on other devices.
    const other = sessionSchema.parse((await login(phone, PASSWORD)).json());
    const third = sessionSchema.parse((await login(phone, PASSWORD)).json());
    for (const token of [user.token, other.token, third.token]) expect((await me(token)).statusCode).toBe(200);

    const deviceId = newDeviceId();
    const sms = await askReset(phone, deviceId);
    time.advance(MINUTE);
    const res = await reset(phone, codeOf(sms), NEW_PASSWORD, '?lang=en', deviceId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const session = sessionSchema.parse(res.json());
    expect(session.user.id).toBe(user.session.user.id);
    expect(res.body).not.toContain('password');

    // Every session from before is over; the new one works.
    for (const token of [user.token, other.token, third.token]) {
      await expectError(await me(token), 401, { code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    expect((await me(session.token)).statusCode).toBe(200);

    // The old password no longer opens the account; the new one does.
    await expectError(await login(phone, PASSWORD), 401, {
      code: 'INVALID_CREDENTIALS',
      message: '手机号或密码不对',
    });
    expect((await login(phone, NEW_PASSWORD)).statusCode).toBe(200);

    // The account's inbox has the reset SMS (moved from the device) and the notice of the reset.
    const auth = { authorization: `Bearer ${session.token}` };
    const inbox = messageListSchema.parse(
      (await t.app.inject({ url: '/api/v1/messages?lang=en', headers: auth })).json(),
    );
    expect(inbox.messages[0]).toMatchObject({
      kind: 'password_reset',
      channel: 'app',
      title: 'Password reset',
      body: `Your password was reset with an SMS code at ${time.now().toISOString().slice(0, 10)} ${new Date(time.now().getTime() + 8 * 3_600_000).toISOString().slice(11, 16)} (UTC+8), and every other device was logged out. If this was not you, reset it again at once.`,
    });
    expect(inbox.messages.map((m) => m.kind)).toContain('reset_code');
    const device = await t.app.inject({ url: '/api/v1/messages', headers: { [DEVICE_ID_HEADER]: deviceId } });
    expect(messageListSchema.parse(device.json()).messages).toEqual([]);

    // The code worked once: afterwards no code is pending for this device.
    await expectError(await reset(phone, codeOf(sms), 'another1pass', '', deviceId), 400, {
      code: 'SMS_CODE_NOT_REQUESTED',
      message: '请先在这台设备上获取验证码',
      field: 'smsCode',
    });
  });

  it('ends the sessions of a WeChat login linked to the phone too', async () => {
    const wechat = await wechatUser(t.app);
    const linked = await registerUser(t.app, { headers: wechat.auth });
    expect(linked.session.user.id).toBe(wechat.userId);
    const sms = await askReset(linked.phone);
    expect((await reset(linked.phone, codeOf(sms))).statusCode).toBe(200);
    expect((await me(wechat.token)).statusCode).toBe(401);
    expect((await me(linked.token)).statusCode).toBe(401);
  });

  it('refuses a wrong code, counting the try, and changes nothing', async () => {
    const user = await registerUser(t.app);
    const sms = await askReset(user.phone);
    const wrong = codeOf(sms) === '000000' ? '111111' : '000000';
    const before = await footprint();
    await expectError(await reset(user.phone, wrong, NEW_PASSWORD, '?lang=en'), 400, {
      code: 'SMS_CODE_INVALID',
      message: 'Wrong verification code; 4 tries left',
      field: 'smsCode',
    });
    expect(await footprint()).toEqual(before);
    expect((await me(user.token)).statusCode).toBe(200);
    expect((await login(user.phone, PASSWORD)).statusCode).toBe(200);
    // The right code still works after a wrong one.
    expect((await reset(user.phone, codeOf(sms))).statusCode).toBe(200);
  });

  it('locks the code after five wrong tries', async () => {
    const user = await registerUser(t.app);
    const sms = await askReset(user.phone);
    const wrong = codeOf(sms) === '000000' ? '111111' : '000000';
    for (let i = 1; i < SMS_CODE_MAX_ATTEMPTS; i += 1) {
      expect((await reset(user.phone, wrong)).json()).toMatchObject({ error: { code: 'SMS_CODE_INVALID' } });
    }
    await expectError(await reset(user.phone, wrong), 400, {
      code: 'SMS_CODE_LOCKED',
      message: '验证码错误次数太多，请重新获取',
      field: 'smsCode',
    });
    await expectError(await reset(user.phone, codeOf(sms)), 400, {
      code: 'SMS_CODE_LOCKED',
      message: '验证码错误次数太多，请重新获取',
      field: 'smsCode',
    });
    expect((await login(user.phone, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an expired code and changes nothing', async () => {
    const user = await registerUser(t.app);
    const sms = await askReset(user.phone);
    time.advance(5 * MINUTE);
    const before = await footprint();
    await expectError(await reset(user.phone, codeOf(sms), NEW_PASSWORD, '?lang=zh-Hant'), 400, {
      code: 'SMS_CODE_EXPIRED',
      message: '驗證碼已過期，請重新獲取',
      field: 'smsCode',
    });
    expect(await footprint()).toEqual(before);
    expect((await login(user.phone, PASSWORD)).statusCode).toBe(200);
  });

  it('does not take a register code', async () => {
    // A code asked for registration, then the phone registered elsewhere with another code: the
    // leftover register code must not reset the password.
    const phone = newMainlandPhone();
    const first = smsCodeReplySchema.parse(
      (
        await post('/api/v1/auth/sms-code', { phone, purpose: 'register' }, { [DEVICE_ID_HEADER]: CODE_DEVICE_ID })
      ).json(),
    );
    time.advance(MINUTE);
    await registerUser(t.app, { phone });
    await expectError(await reset(phone, codeOf(first)), 400, {
      code: 'SMS_CODE_NOT_REQUESTED',
      message: '请先在这台设备上获取验证码',
      field: 'smsCode',
    });
  });

  it('answers a phone without an account like a wrong code, and creates nothing', async () => {
    const phone = newMainlandPhone();
    await askReset(phone);
    const before = await footprint();
    await expectError(await reset(phone, '123456', NEW_PASSWORD, '?lang=en'), 400, {
      code: 'SMS_CODE_INVALID',
      message: 'Wrong verification code; 4 tries left',
      field: 'smsCode',
    });
    expect(await footprint()).toEqual(before);
    // Never asked for a code at all: the same answer as a registered phone that never asked.
    const registered = (await registerUser(t.app)).phone;
    const never = await reset(newMainlandPhone(), '123456');
    const neverRegistered = await reset(registered, '123456');
    expect(never.json()).toEqual(neverRegistered.json());
    expect(never.statusCode).toBe(400);
  });

  it.each([
    [
      'en',
      { password: 'onlyletters' },
      { message: 'Password: Include at least one letter and one digit', field: 'password' },
    ],
    ['zh-Hant', { password: 'abc1' }, { message: '密碼：密碼最少 8 個字元', field: 'password' }],
    ['zh-Hans', { smsCode: '12ab56' }, { message: expect.stringMatching(/^验证码：/), field: 'smsCode' }],
    [
      'en',
      { phone: { region: 'HK', number: '31234567' } },
      {
        message: 'Phone number: This is not a mobile number of the selected region; check the region and the digits',
        field: 'phone.number',
      },
    ],
    ['en', { extra: true }, { message: 'extra: Unrecognized key: "extra"', field: 'extra' }],
  ] as const)('refuses bad input (%s %j), naming the field, and writes nothing', async (lang, change, error) => {
    const user = await registerUser(t.app);
    const sms = await askReset(user.phone);
    const before = await footprint();
    const res = await post(
      `/api/v1/auth/password-reset?lang=${lang}`,
      { phone: user.phone, smsCode: codeOf(sms), password: NEW_PASSWORD, ...change },
      { [DEVICE_ID_HEADER]: CODE_DEVICE_ID },
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'VALIDATION_FAILED', ...error } });
    expect(await footprint()).toEqual(before);
    // The code was not spent: the corrected request goes through.
    expect((await reset(user.phone, codeOf(sms))).statusCode).toBe(200);
  });
});
