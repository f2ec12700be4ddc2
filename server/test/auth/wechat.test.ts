import { wechatLoginReplySchema } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeWechatCode } from '../../src/auth/wechat';
import { createKeyedHasher } from '../../src/security/keyed-hash';
import { buildTestApp, type TestApp } from '../helper';
import {
  codeDevice,
  PASSWORD,
  codeOf,
  newMainlandPhone,
  newSeed,
  registerUser,
  requestCode,
  wechatCode,
} from '../fixtures/accounts';
import { MINUTE, SECOND, testClock } from '../fixtures/clock';

const time = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: time.clock });
});
afterAll(() => t.close());

const wechat = (code: string, lang = '') =>
  t.app.inject({ method: 'POST', url: `/api/v1/auth/wechat${lang}`, payload: { code } });

describe('POST /api/v1/auth/wechat', () => {
  it('creates the account on the first login and finds it again with a new code of the same WeChat user', async () => {
    const seed = newSeed();
    const first = await wechat(wechatCode(seed, time.now()));
    expect(first.statusCode, first.body).toBe(200);
    const created = wechatLoginReplySchema.parse(first.json());
    expect(created.created).toBe(true);
    expect(created.user).toEqual({
      id: expect.any(String),
      phone: null,
      phoneRegion: null,
      email: null,
      wechatLinked: true,
      createdAt: time.now().toISOString(),
    });

    time.advance(MINUTE);
    const again = wechatLoginReplySchema.parse((await wechat(wechatCode(seed, time.now()))).json());
    expect(again.created).toBe(false);
    expect(again.user.id).toBe(created.user.id);
    expect(again.token).not.toBe(created.token);

    const other = wechatLoginReplySchema.parse((await wechat(wechatCode(newSeed(), time.now()))).json());
    expect(other.created).toBe(true);
    expect(other.user.id).not.toBe(created.user.id);
  });

  it('accepts each code once', async () => {
    const code = wechatCode(newSeed(), time.now());
    expect((await wechat(code)).statusCode).toBe(200);
    const reused = await wechat(code);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toEqual({
      error: { code: 'WECHAT_CODE_USED', message: '微信登录凭证已使用，请重试', field: 'code' },
    });
  });

  it('refuses a code issued more than 5 minutes ago, or from the future', async () => {
    const old = await wechat(wechatCode(newSeed(), new Date(time.now().getTime() - 6 * MINUTE)), '?lang=en');
    expect(old.statusCode).toBe(400);
    expect(old.json()).toEqual({
      error: { code: 'WECHAT_CODE_EXPIRED', message: 'The WeChat login code has expired; try again', field: 'code' },
    });
    const future = await wechat(wechatCode(newSeed(), new Date(time.now().getTime() + 2 * MINUTE)));
    expect(future.json()).toEqual({
      error: { code: 'WECHAT_CODE_EXPIRED', message: '微信登录凭证已过期，请重试', field: 'code' },
    });
    const almost = await wechat(wechatCode(newSeed(), new Date(time.now().getTime() - 5 * MINUTE + SECOND)));
    expect(almost.statusCode).toBe(200);
  });

  it('refuses a malformed simulated code, and validates the body', async () => {
    const res = await wechat('wxsim.short.123.nonce');
    expect(res.json()).toEqual({
      error: { code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效，请重试', field: 'code' },
    });
    const bad = await wechat('bad code!');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'code',
    });
  });

  it('treats any other code (a real wx.login code in DevTools) as its own identity, once', async () => {
    const code = '0a3Xyz9b1cDEfGhI2jKlMn';
    const first = wechatLoginReplySchema.parse((await wechat(code)).json());
    expect(first.created).toBe(true);
    expect((await wechat(code)).json<{ error: { code: string } }>().error.code).toBe('WECHAT_CODE_USED');
  });

  it('derives a stable 28-character openid that does not reveal the seed', () => {
    const hasher = createKeyedHasher(Buffer.alloc(32, 7));
    const seed = newSeed();
    const a = exchangeWechatCode(wechatCode(seed, time.now()), time.now(), hasher);
    const b = exchangeWechatCode(wechatCode(seed, time.now()), time.now(), hasher);
    expect(a.openid).toBe(b.openid);
    expect(a.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(a.openid).not.toContain(seed.slice(0, 8));
    expect(a.codeHash).not.toBe(b.codeHash);
    const otherKey = exchangeWechatCode(
      wechatCode(seed, time.now()),
      time.now(),
      createKeyedHasher(Buffer.alloc(32, 8)),
    );
    expect(otherKey.openid).not.toBe(a.openid);
  });
});

describe('linking a phone to a WeChat account', () => {
  it('registering with the WeChat session sets phone, e-mail and password on the same account', async () => {
    const login = wechatLoginReplySchema.parse((await wechat(wechatCode(newSeed(), time.now()))).json());
    const phone = newMainlandPhone();
    const { session } = await registerUser(t.app, {
      phone,
      email: 'wx@example.com',
      headers: { authorization: `Bearer ${login.token}` },
    });
    expect(session.user).toEqual({
      ...login.user,
      phone: `+86${phone.number}`,
      phoneRegion: 'CN',
      email: 'wx@example.com',
      wechatLinked: true,
    });
    // The WeChat session shows the phone at once (it was read, and kept, just before the link).
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${login.token}` } });
    expect(me.json()).toEqual(session.user);
    // Phone and password now log in to the same account; so does WeChat.
    const byPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone, password: PASSWORD },
    });
    expect(byPassword.json<{ user: { id: string } }>().user.id).toBe(login.user.id);
    expect(await t.app.db.selectFrom('users').select('id').where('id', '=', login.user.id).execute()).toHaveLength(1);
  });

  it('refuses to link a second phone to an account that has one', async () => {
    const { auth } = await registerUser(t.app);
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { ...auth, ...codeDevice },
      payload: { phone, password: PASSWORD, smsCode: codeOf(sms) },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'ACCOUNT_HAS_PHONE', message: '当前账户已绑定手机号' } });
    // The code was not spent: registering without the token still works.
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: codeDevice,
      payload: { phone, password: PASSWORD, smsCode: codeOf(sms) },
    });
    expect(plain.statusCode).toBe(201);
  });

  it('refuses registration with an invalid token instead of silently creating a second account', async () => {
    const phone = newMainlandPhone();
    const sms = await requestCode(t.app, phone);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { authorization: `Bearer ${'x'.repeat(43)}`, ...codeDevice },
      payload: { phone, password: PASSWORD, smsCode: codeOf(sms) },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });
});
