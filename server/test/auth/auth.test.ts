import {
  DEVICE_ID_HEADER,
  SMS_CODE_MAX_ATTEMPTS,
  sessionSchema,
  smsCodeReplySchema,
  userSchema,
  type Session,
  type SmsCodeReply,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';
import {
  PASSWORD,
  codeDevice,
  codeOf,
  newDeviceId,
  newMainlandPhone,
  registerUser,
  requestCode,
  GENEROUS_AUTH_LIMITS,
} from '../fixtures/accounts';
import { DAY, MINUTE, SECOND, testClock } from '../fixtures/clock';

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

type Json = Record<string, unknown>;

// Register calls come from the device that asked for the code (requestCode's default), unless told otherwise.
async function post(
  url: string,
  payload: Json,
  headers: Record<string, string> = url.startsWith('/api/v1/auth/register') ? codeDevice : {},
) {
  return t.app.inject({ method: 'POST', url, payload, headers });
}

async function expectError(
  res: { statusCode: number; json: () => unknown; body: string },
  status: number,
  error: { code: string; message: string; field?: string },
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toEqual({ error });
  expectNoInternals(res.body);
}

const countRows = async (table: 'users' | 'sessions' | 'smsCodes' | 'messages') =>
  Number(
    (
      await t.app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/auth/sms-code', () => {
  it.each([
    ['CN', '13800138000', '+86 138****8000'],
    ['CN', '199 1234 5678', '+86 199****5678'],
    ['HK', '91234567', '+852 9***4567'],
    ['HK', '4123-4567', '+852 4***4567'],
    ['MO', '61234567', '+853 6***4567'],
  ] as const)('sends a 6-digit code to a %s mobile number %s, masked as %s', async (region, number, masked) => {
    const deviceId = newDeviceId();
    const res = await post(
      '/api/v1/auth/sms-code',
      { phone: { region, number }, purpose: 'register' },
      { [DEVICE_ID_HEADER]: deviceId },
    );
    expect(res.statusCode, res.body).toBe(200);
    const reply = smsCodeReplySchema.parse(res.json());
    expect(reply.resendAfterSeconds).toBe(60);
    expect(reply.expiresAt).toBe(new Date(time.now().getTime() + 5 * MINUTE).toISOString());
    expect(reply.message).toMatchObject({ kind: 'sms_code', channel: 'sms', to: masked, readAt: null });
    expect(reply.message.title).toBe('验证码短信');
    expect(reply.message.body).toMatch(/^【跨境卡续费助手·模拟短信】您的验证码是 \d{6}，5 分钟内有效。/);
    expect(res.headers['cache-control']).toBe('no-store');
    // The same simulated SMS waits in the device's inbox.
    const inbox = await t.app.inject({ url: '/api/v1/messages', headers: { [DEVICE_ID_HEADER]: deviceId } });
    expect(inbox.json()).toEqual({ messages: [reply.message], unreadCount: 1 });
  });

  it('writes the SMS in the language of the request', async () => {
    const res = await post(
      '/api/v1/auth/sms-code?lang=en',
      { phone: newMainlandPhone(), purpose: 'register' },
      { [DEVICE_ID_HEADER]: newDeviceId() },
    );
    expect(res.json<SmsCodeReply>().message.body).toMatch(
      /^\[Top-up Helper · simulated SMS\] Your verification code is \d{6}, valid for 5 minutes\./,
    );
  });

  it.each([
    ['CN', '12800138000'],
    ['CN', '1380013800'],
    ['CN', '138001380001'],
    ['HK', '31234567'],
    ['HK', '9123456'],
    ['MO', '51234567'],
    ['MO', '612345678'],
    ['HK', '13800138000'],
  ] as const)('refuses %s number %s, naming phone.number, and writes nothing', async (region, number) => {
    const before = await countRows('smsCodes');
    const res = await post(
      '/api/v1/auth/sms-code',
      { phone: { region, number }, purpose: 'register' },
      { [DEVICE_ID_HEADER]: newDeviceId() },
    );
    await expectError(res, 400, {
      code: 'VALIDATION_FAILED',
      message: '手机号码：手机号码格式不对，请检查所选地区和号码位数',
      field: 'phone.number',
    });
    expect(await countRows('smsCodes')).toBe(before);
  });

  it('explains the phone rule in English and Traditional Chinese', async () => {
    const body = { phone: { region: 'MO', number: '51234567' }, purpose: 'register' };
    await expectError(await post('/api/v1/auth/sms-code?lang=en', body, { [DEVICE_ID_HEADER]: newDeviceId() }), 400, {
      code: 'VALIDATION_FAILED',
      message: 'Phone number: This is not a mobile number of the selected region; check the region and the digits',
      field: 'phone.number',
    });
    await expectError(
      await post('/api/v1/auth/sms-code?lang=zh-Hant', body, { [DEVICE_ID_HEADER]: newDeviceId() }),
      400,
      {
        code: 'VALIDATION_FAILED',
        message: '手機號碼：手機號碼格式不正確，請檢查所選地區及號碼位數',
        field: 'phone.number',
      },
    );
  });

  it('refuses an unknown region, a missing phone and unknown fields', async () => {
    const headers = { [DEVICE_ID_HEADER]: newDeviceId() };
    await expectError(
      await post(
        '/api/v1/auth/sms-code',
        { phone: { region: 'TW', number: '912345678' }, purpose: 'register' },
        headers,
      ),
      400,
      {
        code: 'VALIDATION_FAILED',
        message: '手机号码地区：无效选项：期望以下之一 "CN"|"HK"|"MO"',
        field: 'phone.region',
      },
    );
    await expectError(await post('/api/v1/auth/sms-code', { purpose: 'register' }, headers), 400, {
      code: 'VALIDATION_FAILED',
      message: '手机号码：此项必填',
      field: 'phone',
    });
    await expectError(
      await post(
        '/api/v1/auth/sms-code?lang=en',
        { phone: newMainlandPhone(), purpose: 'register', debug: true },
        headers,
      ),
      400,
      { code: 'VALIDATION_FAILED', message: 'debug: Unrecognized key: "debug"', field: 'debug' },
    );
  });

  it.each([
    ['missing', undefined],
    ['too short', 'abc'],
    ['with bad characters', 'device id with spaces!!'],
  ])('needs a device id (%s) to know whose inbox gets the SMS', async (_case, deviceId) => {
    const before = await countRows('smsCodes');
    const res = await post(
      '/api/v1/auth/sms-code',
      { phone: newMainlandPhone(), purpose: 'register' },
      deviceId === undefined ? {} : { [DEVICE_ID_HEADER]: deviceId },
    );
    await expectError(res, 400, { code: 'DEVICE_ID_REQUIRED', message: '缺少设备标识，请重启应用后再试' });
    expect(await countRows('smsCodes')).toBe(before);
  });

  it('allows one code per phone per minute, across devices, saying how long to wait', async () => {
    const phone = newMainlandPhone();
    await requestCode(t.app, phone);
    time.advance(15 * SECOND);
    const res = await post(
      '/api/v1/auth/sms-code',
      { phone, purpose: 'register' },
      { [DEVICE_ID_HEADER]: newDeviceId() },
    );
    await expectError(res, 429, { code: 'SMS_CODE_TOO_SOON', message: '验证码已发送，请 45 秒后再获取' });
    expect(res.headers['retry-after']).toBe('45');
    const en = await post(
      '/api/v1/auth/sms-code?lang=en',
      { phone, purpose: 'register' },
      { [DEVICE_ID_HEADER]: newDeviceId() },
    );
    await expectError(en, 429, {
      code: 'SMS_CODE_TOO_SOON',
      message: 'A code was just sent; you can request another in 45 s',
    });
    time.advance(45 * SECOND);
    await requestCode(t.app, phone);
  });

  it('refuses a phone that is already registered', async () => {
    const { phone } = await registerUser(t.app);
    time.advance(MINUTE);
    await expectError(
      await post('/api/v1/auth/sms-code', { phone, purpose: 'register' }, { [DEVICE_ID_HEADER]: newDeviceId() }),
      409,
      { code: 'PHONE_ALREADY_REGISTERED', message: '这个手机号已经注册，请直接登录', field: 'phone.number' },
    );
  });
});

describe('POST /api/v1/auth/register', () => {
  it('creates the account with the code from the simulated SMS, and logs it in', async () => {
    const phone = { region: 'HK' as const, number: '6123 4567' };
    const deviceId = newDeviceId();
    const sms = await requestCode(t.app, phone, deviceId);
    const res = await post(
      '/api/v1/auth/register',
      { phone, email: 'driver@example.com', password: PASSWORD, smsCode: codeOf(sms) },
      { [DEVICE_ID_HEADER]: deviceId },
    );
    expect(res.statusCode, res.body).toBe(201);
    const session = sessionSchema.parse(res.json());
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toBe(new Date(time.now().getTime() + 30 * DAY).toISOString());
    expect(session.user).toEqual({
      id: expect.any(String),
      phone: '+85261234567',
      phoneRegion: 'HK',
      email: 'driver@example.com',
      wechatLinked: false,
      createdAt: time.now().toISOString(),
    });

    // The SMS moved from the device's inbox into the account's, next to a welcome notice.
    const deviceInbox = await t.app.inject({ url: '/api/v1/messages', headers: { [DEVICE_ID_HEADER]: deviceId } });
    expect(deviceInbox.json()).toEqual({ messages: [], unreadCount: 0 });
    const inbox = await t.app.inject({
      url: '/api/v1/messages',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(
      inbox
        .json<{ messages: { kind: string }[] }>()
        .messages.map((m) => m.kind)
        .sort(),
    ).toEqual(['sms_code', 'welcome']);
  });

  it('stores no password, code or token in clear', async () => {
    const { session } = await registerUser(t.app);
    const user = await t.app.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', session.user.id)
      .executeTakeFirstOrThrow();
    expect(user.passwordHash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const sessions = await t.app.db.selectFrom('sessions').selectAll().where('userId', '=', session.user.id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(sessions)).not.toContain(session.token);
    const codes = await t.app.db.selectFrom('smsCodes').select('codeHash').execute();
    for (const { codeHash } of codes) expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts wrong codes, says how many tries are left, and locks the code after 5', async () => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    const right = codeOf(sms);
    const wrong = right === '000000' ? '111111' : '000000';
    const attempt = (smsCode: string, lang = '') =>
      post(`/api/v1/auth/register${lang}`, { phone, password: PASSWORD, smsCode });

    for (let remaining = SMS_CODE_MAX_ATTEMPTS - 1; remaining >= 1; remaining -= 1) {
      await expectError(await attempt(wrong), 400, {
        code: 'SMS_CODE_INVALID',
        message: `验证码不对，还可以再试 ${remaining} 次`,
        field: 'smsCode',
      });
    }
    await expectError(await attempt(wrong, '?lang=en'), 400, {
      code: 'SMS_CODE_LOCKED',
      message: 'Too many wrong codes; request a new one',
      field: 'smsCode',
    });
    // Dead for good: the right code no longer works either.
    await expectError(await attempt(right), 400, {
      code: 'SMS_CODE_LOCKED',
      message: '验证码错误次数太多，请重新获取',
      field: 'smsCode',
    });
    const stored = await t.app.db
      .selectFrom('smsCodes')
      .select('attempts')
      .where('phoneE164', '=', `+86${phone.number}`)
      .executeTakeFirstOrThrow();
    expect(stored.attempts).toBe(SMS_CODE_MAX_ATTEMPTS);
    expect(
      await t.app.db.selectFrom('users').where('phoneE164', '=', `+86${phone.number}`).select('id').execute(),
    ).toEqual([]);

    // A new code starts over.
    time.advance(MINUTE);
    const again = await requestCode(t.app, phone);
    expect((await attempt(codeOf(again))).statusCode).toBe(201);
  });

  it('counts concurrent wrong guesses one by one', async () => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    const wrong = codeOf(sms) === '000000' ? '111111' : '000000';
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => post('/api/v1/auth/register', { phone, password: PASSWORD, smsCode: wrong })),
    );
    const codes = replies.map((r) => r.json<{ error: { code: string } }>().error.code);
    expect(codes.filter((c) => c === 'SMS_CODE_INVALID')).toHaveLength(SMS_CODE_MAX_ATTEMPTS - 1);
    expect(codes.filter((c) => c === 'SMS_CODE_LOCKED')).toHaveLength(8 - (SMS_CODE_MAX_ATTEMPTS - 1));
  });

  it('refuses a code older than 5 minutes', async () => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    time.advance(5 * MINUTE - SECOND);
    const stillValid = { phone, password: PASSWORD, smsCode: codeOf(sms) };
    time.advance(SECOND);
    await expectError(await post('/api/v1/auth/register', stillValid), 400, {
      code: 'SMS_CODE_EXPIRED',
      message: '验证码已过期，请重新获取',
      field: 'smsCode',
    });
  });

  it('accepts a code just before it expires', async () => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    time.advance(5 * MINUTE - SECOND);
    expect((await post('/api/v1/auth/register', { phone, password: PASSWORD, smsCode: codeOf(sms) })).statusCode).toBe(
      201,
    );
  });

  it('uses a code once', async () => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    const body = { phone, password: PASSWORD, smsCode: codeOf(sms) };
    expect((await post('/api/v1/auth/register', body)).statusCode).toBe(201);
    await expectError(await post('/api/v1/auth/register', body), 409, {
      code: 'PHONE_ALREADY_REGISTERED',
      message: '这个手机号已经注册，请直接登录',
      field: 'phone.number',
    });
  });

  it('refuses a code when none was requested', async () => {
    await expectError(
      await post('/api/v1/auth/register', { phone: newMainlandPhone(), password: PASSWORD, smsCode: '123456' }),
      400,
      { code: 'SMS_CODE_NOT_REQUESTED', message: '请先在这台设备上获取验证码', field: 'smsCode' },
    );
  });

  it('refuses register without the device id, and writes nothing', async () => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    const before = [await countRows('users'), await countRows('sessions')];
    await expectError(
      await post('/api/v1/auth/register?lang=en', { phone, password: PASSWORD, smsCode: codeOf(sms) }, {}),
      400,
      { code: 'DEVICE_ID_REQUIRED', message: expect.any(String) as string },
    );
    expect([await countRows('users'), await countRows('sessions')]).toEqual(before);
  });

  it('lets only the requesting device enter the code: another device is told no code is pending and spends no try', async () => {
    const phone = newMainlandPhone();
    const owner = newDeviceId();
    const sms = await requestCode(t.app, phone, owner);
    const right = codeOf(sms);
    const wrong = right === '000000' ? '111111' : '000000';
    const stranger = { [DEVICE_ID_HEADER]: newDeviceId() };
    const attempt = (smsCode: string, headers: Record<string, string>, lang = '') =>
      post(`/api/v1/auth/register${lang}`, { phone, password: PASSWORD, smsCode }, headers);

    // A phone with a code pending answers a stranger exactly like a phone without one.
    const pending = await attempt(wrong, stranger, '?lang=en');
    expect(pending.json()).toEqual(
      (
        await post(
          '/api/v1/auth/register?lang=en',
          { phone: newMainlandPhone(), password: PASSWORD, smsCode: wrong },
          stranger,
        )
      ).json(),
    );
    await expectError(pending, 400, {
      code: 'SMS_CODE_NOT_REQUESTED',
      message: 'Request a verification code on this device first',
      field: 'smsCode',
    });
    // Far more guesses than the code allows, and even the right code: none reaches the owner's code.
    for (let i = 0; i < SMS_CODE_MAX_ATTEMPTS * 2; i += 1)
      expect((await attempt(wrong, stranger)).json()).toMatchObject({ error: { code: 'SMS_CODE_NOT_REQUESTED' } });
    expect((await attempt(right, stranger)).json()).toMatchObject({ error: { code: 'SMS_CODE_NOT_REQUESTED' } });
    const stored = await t.app.db
      .selectFrom('smsCodes')
      .select('attempts')
      .where('phoneE164', '=', `+86${phone.number}`)
      .executeTakeFirstOrThrow();
    expect(stored.attempts).toBe(0);
    expect(
      await t.app.db.selectFrom('users').where('phoneE164', '=', `+86${phone.number}`).select('id').execute(),
    ).toEqual([]);
    // The owner's device still has every try, and the code works.
    await expectError(await attempt(wrong, { [DEVICE_ID_HEADER]: owner }), 400, {
      code: 'SMS_CODE_INVALID',
      message: `验证码不对，还可以再试 ${SMS_CODE_MAX_ATTEMPTS - 1} 次`,
      field: 'smsCode',
    });
    expect((await attempt(right, { [DEVICE_ID_HEADER]: owner })).statusCode).toBe(201);
  });

  it('only checks the latest code sent to the phone', async () => {
    const phone = newMainlandPhone();
    const first = await requestCode(t.app, phone);
    time.advance(MINUTE);
    const second = await requestCode(t.app, phone);
    if (codeOf(first) !== codeOf(second)) {
      const res = await post('/api/v1/auth/register', { phone, password: PASSWORD, smsCode: codeOf(first) });
      expect(res.json<{ error: { code: string } }>().error.code).toBe('SMS_CODE_INVALID');
    }
    expect(
      (await post('/api/v1/auth/register', { phone, password: PASSWORD, smsCode: codeOf(second) })).statusCode,
    ).toBe(201);
  });

  it.each([
    [{ password: 'short1' }, 'password', '密码：密码至少 8 位'],
    [{ password: 'onlyletters' }, 'password', '密码：密码需要同时包含字母和数字'],
    [{ smsCode: '12345' }, 'smsCode', '验证码：验证码是 6 位数字'],
    [{ smsCode: 123456 }, 'smsCode', '验证码：无效输入：期望 string，实际接收 数字'],
    [{ email: 'not-an-email' }, 'email', '电子邮箱：无效电子邮件'],
    [{ isAdmin: true }, 'isAdmin', 'isAdmin：出现未知的键(key): "isAdmin"'],
  ])('refuses %j naming %s, and writes nothing', async (change, field, message) => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    const [users, sessions] = [await countRows('users'), await countRows('sessions')];
    const res = await post('/api/v1/auth/register', { phone, password: PASSWORD, smsCode: codeOf(sms), ...change });
    await expectError(res, 400, { code: 'VALIDATION_FAILED', message, field });
    expect([await countRows('users'), await countRows('sessions')]).toEqual([users, sessions]);
  });
});

describe('sessions: login, me, logout', () => {
  it('logs in with phone and password, then GET /me answers, logout revokes the token', async () => {
    const { phone, session: registered } = await registerUser(t.app);
    const login = await post('/api/v1/auth/login', { phone, password: PASSWORD });
    expect(login.statusCode, login.body).toBe(200);
    const session = sessionSchema.parse(login.json());
    expect(session.token).not.toBe(registered.token);
    expect(session.user).toEqual(registered.user);

    const auth = { authorization: `Bearer ${session.token}` };
    const me = await t.app.inject({ url: '/api/v1/me', headers: auth });
    expect(me.statusCode).toBe(200);
    expect(userSchema.parse(me.json())).toEqual(registered.user);
    expect(me.headers['cache-control']).toBe('no-store');

    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth });
    expect(logout.statusCode).toBe(204);
    expect(logout.body).toBe('');
    await expectError(await t.app.inject({ url: '/api/v1/me', headers: auth }), 401, {
      code: 'UNAUTHENTICATED',
      message: '请先登录',
    });
    await expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth }), 401, {
      code: 'UNAUTHENTICATED',
      message: '请先登录',
    });
    // The other session (from registration) is untouched.
    const other = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${registered.token}` } });
    expect(other.statusCode).toBe(200);
  });

  it('gives a request its user without the password hash', async () => {
    const { session } = await registerUser(t.app);
    const auth = await t.app.authService.authenticate(`Bearer ${session.token}`);
    expect(auth?.user.id).toBe(session.user.id);
    expect(auth?.user.phoneE164).toBe(session.user.phone);
    expect(Object.keys(auth?.user ?? {})).not.toContain('passwordHash');
  });

  it('keeps a session until it expires after SESSION_TTL_DAYS (30), then says so', async () => {
    const { auth, session } = await registerUser(t.app);
    time.advance(30 * DAY - SECOND);
    expect((await t.app.inject({ url: '/api/v1/me', headers: auth })).statusCode).toBe(200);
    time.set(session.expiresAt);
    await expectError(await t.app.inject({ url: '/api/v1/me', headers: auth }), 401, {
      code: 'SESSION_EXPIRED',
      message: '登录已过期，请重新登录',
    });
    await expectError(await t.app.inject({ url: '/api/v1/me?lang=en', headers: auth }), 401, {
      code: 'SESSION_EXPIRED',
      message: 'Your session has expired; please log in again',
    });
  });

  it.each([
    ['no header', undefined],
    ['an unknown token', `Bearer ${'A'.repeat(43)}`],
    ['a malformed token', 'Bearer not-a-token'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 UNAUTHENTICATED for %s', async (_case, authorization) => {
    const res = await t.app.inject({ url: '/api/v1/me', headers: authorization ? { authorization } : {} });
    await expectError(res, 401, { code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('refuses a wrong password and an unknown phone with the same 401', async () => {
    const { phone } = await registerUser(t.app);
    const wrong = await post('/api/v1/auth/login', { phone, password: 'Wrong-pass-1' });
    await expectError(wrong, 401, { code: 'INVALID_CREDENTIALS', message: '手机号或密码不对' });
    const unknown = await post('/api/v1/auth/login?lang=en', { phone: newMainlandPhone(), password: PASSWORD });
    await expectError(unknown, 401, { code: 'INVALID_CREDENTIALS', message: 'The phone number or password is wrong' });
  });

  it('validates the login body', async () => {
    await expectError(
      await post('/api/v1/auth/login', { phone: { region: 'CN', number: '1380013800' }, password: 'x' }),
      400,
      {
        code: 'VALIDATION_FAILED',
        message: '手机号码：手机号码格式不对，请检查所选地区和号码位数',
        field: 'phone.number',
      },
    );
    await expectError(await post('/api/v1/auth/login', { phone: newMainlandPhone() }), 400, {
      code: 'VALIDATION_FAILED',
      message: '密码：此项必填',
      field: 'password',
    });
  });

  it('shows the session in a reply the shared contract parses', async () => {
    const { session } = await registerUser(t.app);
    expect(sessionSchema.parse(session)).toEqual(session as Session);
  });
});
