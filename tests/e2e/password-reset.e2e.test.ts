import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerThroughApi } from '../support/accounts';
import { logOutThroughUi } from '../support/ui-session';
import { launchBrowser, newPhoneContext, pageShown, snap } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

// 忘记密码 in the browser build: from the login page to a new password with the code of the simulated
// SMS, the other session of the account ended, a login with the new password; then the inbox read in
// English shows the messages in English, the SMS as it was sent (in Simplified Chinese) beside it.
describe('password reset in the browser build', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const shots = 'password-reset';

  const phone = '13900139000';
  const oldPassword = 'oldRoute2025';
  const newPassword = 'newRoute2026';
  /** The session of "another device", registered through the API. */
  let otherToken = '';

  const api = async (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(server.baseUrl + path, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  };

  beforeAll(async () => {
    server = await startServer();
    // The account exists already, registered on another device.
    otherToken = (await registerThroughApi(server.baseUrl, { phone, password: oldPassword })).token;

    browser = await launchBrowser();
    page = await (await newPhoneContext(browser, 'zh-CN')).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const on = (name: string) => page.locator(`.js-page-${name}`).last();
  const visible = (name: string, timeout?: number) => pageShown(page, name, timeout);
  const input = (pageName: string, cls: string) => on(pageName).locator(`.${cls} input`).first();

  it('opens 忘记密码 from the login page with the phone already typed', async () => {
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    await on('me').locator('.js-me-login').click();
    await visible('login');
    await input('login', 'js-phone-input').fill(phone);
    await snap(page, shots, '01-login-forgot-link');
    await on('login').locator('.js-forgot-password').click();
    await visible('reset');
    expect(await input('reset', 'js-phone-input').inputValue()).toBe(phone);
    await snap(page, shots, '02-reset-empty');
  });

  it('names the field of a password that breaks the rules, before anything is sent', async () => {
    await input('reset', 'js-password-input').fill('short');
    // Leaving the field shows its error at once (and moves the button down), as on a phone.
    await input('reset', 'js-password-input').blur();
    await on('reset').locator('.js-reset-submit').click();
    await expect.poll(() => on('reset').locator('.js-field-error-password').innerText()).toBe('密码至少 8 位');
    await expect.poll(() => on('reset').locator('.js-field-error-smsCode').innerText()).not.toBe('');
    await snap(page, shots, '03-reset-field-errors');
  });

  it('resets with the code from the simulated SMS and is logged in, the other device logged out', async () => {
    await on('reset').locator('.js-send-code').click();
    const banner = page.locator('.js-sms-banner').last();
    await expect.poll(() => banner.innerText()).toMatch(/您正在重置登录密码，验证码是 \d{6}/);
    const code = /验证码是 (\d{6})/.exec(await banner.innerText())?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await snap(page, shots, '04-reset-sms-banner');

    // A wrong code first: the server's answer sits on the code field, in the user's language.
    const wrong = code === '000000' ? '111111' : '000000';
    await input('reset', 'js-sms-code-input').fill(wrong);
    await input('reset', 'js-password-input').fill(newPassword);
    await on('reset').locator('.js-reset-submit').click();
    await expect
      .poll(() => on('reset').locator('.js-field-error-smsCode').innerText())
      .toBe('验证码不对，还可以再试 4 次');
    await snap(page, shots, '05-reset-wrong-code');

    await input('reset', 'js-sms-code-input').fill(code!);
    await on('reset').locator('.js-reset-submit').click();
    await expect.poll(() => on('me').locator('.js-me-account').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await on('me').locator('.js-me-account').innerText()).toContain('9000');
    await snap(page, shots, '06-me-after-reset');

    // The session registered on the other device is over.
    const other = await api('/api/v1/me', { headers: { authorization: `Bearer ${otherToken}` } });
    expect(other.status).toBe(401);
  });

  it('logs in with the new password, not the old one', async () => {
    await logOutThroughUi(page);

    await on('me').locator('.js-me-login').click();
    await visible('login');
    await input('login', 'js-phone-input').fill(phone);
    await input('login', 'js-password-input').fill(oldPassword);
    await on('login').locator('.js-login-submit').click();
    await expect.poll(() => on('login').innerText()).toMatch(/手机号或密码不对/);
    await input('login', 'js-password-input').fill(newPassword);
    await on('login').locator('.js-login-submit').click();
    await expect.poll(() => on('me').locator('.js-me-account').isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('shows the inbox in English after switching the language, with the SMS as it was sent', async () => {
    // The language the user chose in settings, as Taro's storage keeps it; read when the app starts.
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'en' })));
    await page.goto(server.baseUrl + '/#/packages/messages/pages/inbox/index');
    await page.reload();
    await visible('messages');
    const inbox = on('messages');
    await expect.poll(() => inbox.locator('.js-message').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    // Newest first: the notice of the reset, then the reset code the device received.
    await expect.poll(() => inbox.locator('.js-message').first().innerText()).toMatch(/Password reset/);
    expect(await inbox.locator('.js-message').first().innerText()).toMatch(
      /Your password was reset with an SMS code at .*every other device was logged out/,
    );
    const text = await inbox.innerText();
    expect(text).toMatch(/You are resetting your password\. Your code is \d{6}/);
    expect(text).toMatch(/Welcome to the Cross-border Card Top-up Helper/);
    // Every message reads in English; the Chinese left is the SMS as sent, labelled as such.
    const bodies = await inbox.locator('.js-message-body').allInnerTexts();
    for (const body of bodies) expect(body).not.toMatch(/\p{Script=Han}/u);
    const sent = inbox.locator('.js-message-sent');
    expect(await sent.count()).toBeGreaterThanOrEqual(2);
    expect(await sent.first().innerText()).toMatch(/As sent by SMS \(Simplified Chinese\)/);
    expect(await sent.first().innerText()).toMatch(/您正在重置登录密码|您的验证码是/);
    await snap(page, shots, '07-inbox-en');

    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'zh-Hant' })));
    await page.reload();
    await visible('messages');
    await expect.poll(() => on('messages').locator('.js-message').first().innerText()).toMatch(/登入密碼已重設/);
    await snap(page, shots, '09-inbox-zh-Hant');
  });

  it('shows the reset page in English', async () => {
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'en' })));
    await page.goto(server.baseUrl + '/#/packages/account/pages/reset/index');
    await page.reload();
    await visible('reset');
    expect(await on('reset').innerText()).toMatch(/Reset password[\s\S]*Get an SMS code/);
    await snap(page, shots, '10-reset-en');
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'zh-Hans' })));
    expect(pageErrors).toEqual([]);
  });
});
