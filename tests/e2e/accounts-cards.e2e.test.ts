import { generateCardNumber, generateMainlandId } from '@cbc/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, pageShown, shownModalConfirm, snap } from '../support/browser';
import { solidPng, writeTempFile } from '../support/fixtures';
import { startServer, type RunningServer } from '../support/server';

// A first-time user practises steps 2 and 3 of the official flow in the browser build:
// register with the code from the simulated SMS inbox → log out → log in → bind a 中港通卡 with a
// generated ID and a small PNG → see it masked → unbind it.
describe('accounts and card binding in the browser build', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const shots = 'accounts-cards';

  const phone = '13800138000';
  const password = 'practice2026';
  const cardNumber = generateCardNumber('zhonggangtong', '12345678901');
  const idNumber = generateMainlandId('440304', '19900101', '123');
  const photo = writeTempFile('id-photo.png', solidPng(120, 80, [200, 220, 240]));
  let unboundCardId = '';

  beforeAll(async () => {
    server = await startServer();
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
  const confirmModal = async (shot: string) => {
    const confirm = await shownModalConfirm(page);
    await snap(page, shots, shot);
    await confirm.click();
  };

  it('starts logged out on the Me tab', async () => {
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    expect(await on('me').locator('.js-me-login').isVisible()).toBe(true);
    expect(await page.locator('.taro-tabbar__tabbar').innerText()).toMatch(/首页[\s\S]*指南[\s\S]*我的/);
    await snap(page, shots, '01-me-logged-out');
  });

  it('registers with the code read from the simulated SMS inbox', async () => {
    await on('me').locator('.js-me-login').click();
    await visible('login');
    await on('login').locator('.js-go-register').click();
    await visible('register');

    await input('register', 'js-phone-input').fill('1380013800');
    await input('register', 'js-password-input').click();
    await expect.poll(() => on('register').locator('.js-field-error-phone').innerText()).not.toBe('');
    await input('register', 'js-phone-input').fill(phone);
    await input('register', 'js-password-input').fill(password);
    await expect.poll(() => on('register').locator('.js-field-error-phone').count()).toBe(0);

    await on('register').locator('.js-send-code').click();
    const banner = page.locator('.js-sms-banner').last();
    await expect.poll(() => banner.innerText()).toMatch(/\d{6}/);
    await snap(page, shots, '02-register-sms-banner');

    await banner.click();
    await visible('messages');
    const firstMessage = on('messages').locator('.js-message-body').first();
    const code = /(\d{6})/.exec(await firstMessage.innerText())?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await snap(page, shots, '03-inbox-with-code');
    await page.goBack();
    await visible('register');

    await input('register', 'js-sms-code-input').fill(code!);
    await snap(page, shots, '04-register-filled');
    await on('register').locator('.js-register-submit').click();
    await expect.poll(() => on('me').locator('.js-me-account').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await on('me').locator('.js-me-account').innerText()).toContain('8000');
    await snap(page, shots, '05-me-registered');
  });

  it('logs out and logs in again with phone and password', async () => {
    await on('me').locator('.js-logout').click();
    await confirmModal('05b-logout-confirm');
    await expect.poll(() => on('me').locator('.js-me-login').isVisible()).toBe(true);

    await on('me').locator('.js-me-login').click();
    await visible('login');
    await input('login', 'js-phone-input').fill(phone);
    await input('login', 'js-password-input').fill('wrong-password1');
    await on('login').locator('.js-login-submit').click();
    await expect.poll(() => on('login').innerText()).toMatch(/手机号或密码不对/);
    await input('login', 'js-password-input').fill(password);
    await snap(page, shots, '06-login');
    await on('login').locator('.js-login-submit').click();
    await expect.poll(() => on('me').locator('.js-me-account').isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('stays logged in when the app restarts', async () => {
    await page.reload();
    await visible('me');
    await expect.poll(() => on('me').locator('.js-me-account').innerText()).toContain('8000');
  });

  it('binds a 中港通卡 with plates, a generated ID and a photo, and sees it masked', async () => {
    await on('me').locator('.js-me-cards').click();
    await visible('cards');
    await expect.poll(() => on('cards').locator('.js-empty').isVisible()).toBe(true);
    await snap(page, shots, '07-cards-empty');
    await on('cards').locator('.js-add-card').click();
    await visible('card-add');

    const add = on('card-add');
    await add.locator('.js-card-type-zhonggangtong').click();
    await snap(page, shots, '07b-card-add-where-the-number-is');
    // A typo in the last digit is caught by the Luhn check as the user types.
    const typo = cardNumber.slice(0, 15) + String((Number(cardNumber[15]) + 1) % 10);
    await input('card-add', 'js-card-number-input').fill(typo);
    await input('card-add', 'js-id-number-input').click();
    await expect.poll(() => add.locator('.js-field-error-number').innerText()).not.toBe('');
    await input('card-add', 'js-card-number-input').fill(cardNumber);
    await expect.poll(() => add.locator('.js-field-error-number').count()).toBe(0);

    await add.locator('.js-plate-region-mainland').first().click();
    await input('card-add', 'js-plate-input').fill('粤Z1234港');
    await add.locator('.js-id-type-mainland_id').click();
    await input('card-add', 'js-id-number-input').fill(idNumber);

    const chooser = page.waitForEvent('filechooser');
    await add.locator('.js-choose-photo').click();
    await (await chooser).setFiles(photo);
    await expect.poll(() => add.locator('.js-photo-preview').isVisible()).toBe(true);
    await snap(page, shots, '08-card-add-filled');

    await add.locator('.js-bind-submit').click();
    const masked = `6288 **** **** ${cardNumber.slice(-4)}`;
    await expect
      .poll(() => on('cards').locator('.js-card-masked-number').first().innerText(), { timeout: 15_000 })
      .toBe(masked);
    const list = await on('cards').innerText();
    expect(list).not.toContain(cardNumber);
    expect(list).toContain('¥0.00');
    expect(list).toMatch(/粤Z·1234港/);
    await snap(page, shots, '09-cards-list');
  });

  it('shows the bound card with its balance on the home page', async () => {
    // The list page has no tab bar (it is not a tab page): leave it the way a deep link would.
    await page.goto(server.baseUrl + '/#/pages/home/index');
    await visible('home');
    const myCards = on('home').locator('.js-home-my-cards');
    await expect.poll(() => myCards.innerText()).toContain(cardNumber.slice(-4));
    expect(await myCards.innerText()).toContain('¥0.00');
    await snap(page, shots, '09b-home-with-my-card');
    await page.goto(server.baseUrl + '/#/packages/cards/pages/list/index');
    await visible('cards');
  });

  it('shows the card detail verified, without the full numbers, and unbinds it after confirming', async () => {
    await on('cards').locator('.js-card-item').first().click();
    await visible('card-detail');
    unboundCardId = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';
    expect(unboundCardId).toMatch(/^[0-9a-f-]{36}$/);
    const detail = on('card-detail');
    await expect.poll(() => detail.locator('.js-verification').innerText()).toMatch(/已验证/);
    const text = await detail.innerText();
    expect(text).not.toContain(cardNumber);
    expect(text).not.toContain(idNumber);
    expect(text).toContain(cardNumber.slice(-4));
    await snap(page, shots, '10-card-detail');

    await detail.locator('.js-unbind').click();
    await confirmModal('10b-unbind-confirm');
    await visible('cards');
    await expect.poll(() => on('cards').locator('.js-empty').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await on('cards').locator('.js-card-item').count()).toBe(0);
    await snap(page, shots, '11-cards-after-unbind');
  });

  it('answers a link to the unbound card, or a broken one, with the way back to the card list', async () => {
    // 模拟通行 kept in WeChat's recent pages after the card was unbound: retrying could never find it.
    await page.goto(`${server.baseUrl}/#/packages/cards/pages/trip/index?id=${unboundCardId}`);
    await visible('trip');
    const gone = on('trip').locator('.js-error');
    await expect
      .poll(() => gone.innerText())
      .toMatch(/找不到了\n找不到这张卡片。它可能已经解绑，请在「我的卡片」里查看。/);
    expect(await gone.locator('.js-retry').count()).toBe(0);
    await snap(page, shots, '11b-trip-card-gone');
    await gone.locator('.js-back-to-cards').click();
    await visible('cards');

    await page.goto(`${server.baseUrl}/#/packages/history/pages/card/index?id=${unboundCardId}`);
    await visible('card-history');
    const noHistory = on('card-history').locator('.js-error');
    await expect.poll(() => noHistory.innerText()).toMatch(/找不到了/);
    expect(await noHistory.locator('.js-retry').count()).toBe(0);
    expect(await on('card-history').locator('.js-export-csv').count()).toBe(0);
    await noHistory.locator('.js-back-to-cards').click();
    await visible('cards');

    await page.goto(`${server.baseUrl}/#/packages/cards/pages/planner/index?id=not-a-card`);
    await visible('planner');
    const broken = on('planner').locator('.js-error');
    await expect.poll(() => broken.innerText()).toMatch(/链接不完整/);
    await snap(page, shots, '11c-planner-broken-link');
    await broken.locator('.js-back-to-cards').click();
    await visible('cards');
    await expect.poll(() => on('cards').locator('.js-empty').isVisible()).toBe(true);
  });

  it('keeps the notices of binding and unbinding in the inbox', async () => {
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    await on('me').locator('.js-me-messages').click();
    await visible('messages');
    await expect.poll(() => on('messages').locator('.js-message').count()).toBeGreaterThanOrEqual(4);
    expect(await on('messages').innerText()).toMatch(/已解绑[\s\S]*已绑定/);
    // Where it went: an SMS names the phone, a notice inside the app names nothing.
    const notice = on('messages').locator('.js-message', { hasText: '卡片已绑定' });
    expect(await notice.locator('.js-message-to').count()).toBe(0);
    // The card's masked number breaks before it, never between its groups.
    expect(await notice.locator('.js-message-body').innerText()).toMatch(/\d{4}(\u00a0\*{4}){2}\u00a0\d{4}/);
    const sms = on('messages').locator('.js-message', { hasText: '验证码短信' }).first();
    expect(await sms.locator('.js-message-to').innerText()).toMatch(/^发送至 \+86\u00a0138\*{4}\d{4}$/);
    await snap(page, shots, '12-inbox');
  });

  it('logs a new device in with (simulated) WeChat, creating a WeChat-only account', async () => {
    const wechatPage = await (await newPhoneContext(browser, 'en-US')).newPage();
    wechatPage.on('pageerror', (error) => pageErrors.push(error.message));
    await wechatPage.goto(server.baseUrl + '/#/pages/me/index');
    const me = wechatPage.locator('.js-page-me').last();
    await expect.poll(() => me.locator('.js-me-login').isVisible()).toBe(true);
    await me.locator('.js-me-login').click();
    const login = wechatPage.locator('.js-page-login').last();
    await expect.poll(() => login.locator('.js-wechat-login').isVisible()).toBe(true);
    await login.locator('.js-wechat-login').click();
    await expect.poll(() => me.locator('.js-me-account').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await me.locator('.js-me-account').innerText()).toMatch(/WeChat/);
    await snap(wechatPage, shots, '13-me-wechat-en');
    await wechatPage.context().close();
  });

  it('raised no script error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
