import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerThroughApi } from '../support/accounts';
import { logInThroughUi } from '../support/ui-session';
import { launchBrowser, newPhoneContext, pageShown, snap } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

// Practising as a newcomer would in the browser build: every non-tab page has a way back (or home,
// when opened directly), by pointer and by keyboard; and a card can be bound with 填入示例's
// generated data, without a real document, and is labelled 示例 wherever it shows.
describe('a way back from every page, and practice without real documents', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const shots = 'practice';
  const phone = '13600136000';
  const password = 'practice2026';

  beforeAll(async () => {
    server = await startServer({ CREDIT_DELAY_SECONDS: '0' });
    await registerThroughApi(server.baseUrl, { phone, password });
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
  const bar = () => page.locator('#taro-navigation-bar');
  const backButton = () => bar().locator('.taro-navigation-bar-back');
  const homeButton = () => bar().locator('.taro-navigation-bar-home');

  it('shows the title and a named back button on a guide opened from the guides tab', async () => {
    await page.goto(server.baseUrl + '/#/pages/guides/index');
    await visible('guides');
    await expect.poll(() => bar().isVisible()).toBe(true);
    // A tab page: a title, no back or home.
    expect(await backButton().isVisible()).toBe(false);
    expect(await homeButton().isVisible()).toBe(false);
    await expect.poll(() => page.locator('.js-guide-entry').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator('.js-guide-entry').first().click();
    await visible('guide');
    await expect.poll(() => backButton().isVisible()).toBe(true);
    expect(await backButton().getAttribute('role')).toBe('button');
    expect(await backButton().getAttribute('aria-label')).toBe('返回');
    const box = await backButton().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
    // 开始前准备 is a checklist the reader ticks, empty at first and remembered on the device.
    const checklist = page.locator('.js-guide-prerequisites');
    await expect.poll(() => checklist.locator('.js-checklist-item').count()).toBeGreaterThan(1);
    const items = checklist.locator('.js-checklist-item');
    for (const checked of await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-checked')))) {
      expect(checked).toBe('false');
    }
    await items.nth(0).click();
    await items.nth(1).click();
    await expect.poll(() => items.nth(1).getAttribute('aria-checked')).toBe('true');
    expect(await checklist.locator('.js-checklist-progress').innerText()).toMatch(/^已准备 2\/\d+ 项$/);
    const guideUrl = page.url();
    await page.reload();
    await visible('guide');
    await expect
      .poll(() => page.locator('.js-guide-prerequisites .js-checklist-item').nth(1).getAttribute('aria-checked'))
      .toBe('true');
    await snap(page, shots, '01-guide-back');
    expect(page.url()).toBe(guideUrl);
    // Reloaded, the guide is the first page of the history: home, not back.
    await page.goto(server.baseUrl + '/#/pages/guides/index');
    await visible('guides');
    await page.locator('.js-guide-entry').first().click();
    await visible('guide');
    await expect.poll(() => backButton().isVisible()).toBe(true);
    // By keyboard: focus it and press Enter.
    await backButton().focus();
    await page.keyboard.press('Enter');
    await visible('guides');
    expect(pageErrors).toEqual([]);
  });

  it('reaches and works the controls by keyboard: 查看续费指南, the language switch, 登录', async () => {
    await page.goto(server.baseUrl + '/#/pages/home/index');
    await page.reload();
    await visible('home');
    // Tab until 查看续费指南 has the focus (it is a few stops in), then Enter opens the guides tab.
    const focusedText = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    let found = false;
    for (let i = 0; i < 12 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = (await focusedText()).trim() === '查看续费指南';
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await visible('guides');

    // The language switch is a named button that opens with Enter; the choices are radios.
    const trigger = on('guides').locator('.js-lang-trigger');
    expect(await trigger.getAttribute('role')).toBe('button');
    expect(await trigger.getAttribute('aria-label')).toBe('语言: 简体中文');
    await trigger.focus();
    await page.keyboard.press('Enter');
    const english = page.locator('.js-lang-option-en').last();
    await expect.poll(() => english.isVisible()).toBe(true);
    expect(await page.locator('.js-lang-option-zh-Hans').last().getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');

    await page.goto(server.baseUrl + '/#/packages/account/pages/login/index');
    await visible('login');
    const submit = on('login').locator('.js-login-submit');
    expect(await submit.getAttribute('tabindex')).toBe('0');
    // The page's scroller is the main landmark, named and focusable; the title is its heading.
    const main = page.locator('[role="main"]:visible');
    expect(await main.count()).toBe(1);
    expect(await main.getAttribute('tabindex')).toBe('0');
    expect(await page.locator('#taro-navigation-bar [role="heading"][aria-level="1"]').innerText()).not.toBe('');
  });

  it('calls tips tips, and names an unknown guide without showing its address', async () => {
    await page.goto(server.baseUrl + '/#/pages/guides/index');
    await visible('guides');
    const tipsEntry = page.locator('.js-guide-zhonggangtong-tips');
    await expect.poll(() => tipsEntry.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await tipsEntry.innerText()).toMatch(/\d+ 条小贴士/);
    expect(await tipsEntry.innerText()).not.toMatch(/共 \d+ 步/);
    await tipsEntry.click();
    await visible('guide');
    await expect.poll(() => page.locator('.js-guide-count').last().innerText()).toMatch(/^\d+ 条小贴士$/);
    expect(await page.locator('.js-guide-step .timeline__label').first().innerText()).toBe('贴士 1');

    await page.goto(server.baseUrl + '/#/packages/guides/pages/detail/index?slug=no-such-guide');
    await visible('guide');
    await expect.poll(() => on('guide').locator('.js-error').isVisible()).toBe(true);
    expect(await on('guide').innerText()).not.toContain('no-such-guide');
    expect(await bar().innerText()).not.toContain('no-such-guide');
  });

  it('copies a link to a guide that opens that guide', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await page.goto(server.baseUrl + '/#/pages/guides/index');
    await visible('guides');
    await page.locator('.js-guide-entry').first().click();
    await visible('guide');
    const title = await on('guide').locator('.js-guide-title').innerText();
    await on('guide').locator('.js-share-guide').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/#/packages/guides/pages/detail/index\\?slug=[a-z-]+$`));
    const other = await page.context().newPage();
    await other.goto(link);
    await expect.poll(() => other.locator('.js-page-guide .js-guide-title').last().innerText()).toBe(title);
    await other.close();
  });

  it('offers the way home on a page opened directly from a link', async () => {
    await page.goto(server.baseUrl + '/#/packages/account/pages/login/index');
    await page.reload();
    await visible('login');
    await expect.poll(() => homeButton().isVisible()).toBe(true);
    expect(await homeButton().getAttribute('aria-label')).toBe('回到首页');
    await snap(page, shots, '02-login-home-button');
    await homeButton().click();
    await visible('home');
  });

  it('names the buttons in the reader’s language', async () => {
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'en' })));
    await page.goto(server.baseUrl + '/#/packages/cards/pages/list/index');
    await page.reload();
    await visible('cards');
    await expect.poll(() => homeButton().getAttribute('aria-label')).toBe('Go to Home');
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'zh-Hans' })));
    // Back to Chinese for the tests that follow: the app reads the language when it starts.
    await page.reload();
  });

  it('binds a card with 填入示例: generated data and a sample photo, each marked, the card labelled 示例', async () => {
    await logInThroughUi(page, server.baseUrl, phone, password);

    await page.goto(server.baseUrl + '/#/packages/cards/pages/add/index');
    await visible('card-add');
    const add = on('card-add');
    await add.locator('.js-card-type-yuanyou').click();
    expect(await add.locator('.js-sample-note').count()).toBe(0);
    await add.locator('.js-use-sample').click();
    await expect.poll(() => add.locator('.js-sample-note').isVisible()).toBe(true);
    expect(await add.locator('.js-sample-note').innerText()).toContain('随机生成的示例数据');
    // The four generated values are in place, each labelled 示例.
    expect(await add.locator('.js-card-number-input input').inputValue()).toMatch(/^8852/);
    expect(await add.locator('.js-plate-region-hk').first().getAttribute('aria-checked')).toBe('true');
    expect(await add.locator('.js-id-type-hkid').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => add.locator('.js-photo-preview').isVisible()).toBe(true);
    expect(await add.locator('.js-photo-preview').getAttribute('aria-label')).toContain('示例证件照片');
    expect(await add.locator('.form-field .js-sample-tag').count()).toBe(4);
    await snap(page, shots, '03-bind-sample-filled');
    await add.locator('.js-photo-preview').scrollIntoViewIfNeeded();
    await snap(page, shots, '04-bind-sample-photo');

    await add.locator('.js-bind-submit').click();
    await visible('cards', 15_000);
    const entry = on('cards').locator('.js-card-entry').first();
    await expect.poll(() => entry.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await entry.locator('.js-sample-tag').innerText()).toBe('示例');
    // Verified with the sample photo: it can be topped up at once.
    expect(await entry.locator('.js-card-verification').innerText()).toBe('已验证');
    await snap(page, shots, '05-card-list-sample');

    await page.goto(server.baseUrl + '/#/pages/home/index');
    await visible('home');
    const row = on('home').locator('.js-home-bound-card').first();
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.locator('.js-sample-tag').innerText()).toBe('示例');
    await row.locator('.js-card-topup').click();
    await visible('topup-amount');
    await expect.poll(() => on('topup-amount').locator('.js-topup-card .js-sample-tag').isVisible()).toBe(true);
    await snap(page, shots, '06-topup-sample-card');
    expect(pageErrors).toEqual([]);
  });

  it('drops the 示例 mark from a field the user changes', async () => {
    await page.goto(server.baseUrl + '/#/packages/cards/pages/add/index');
    await visible('card-add');
    const add = on('card-add');
    await add.locator('.js-use-sample').click();
    await expect.poll(() => add.locator('.form-field .js-sample-tag').count()).toBe(4);
    await add.locator('.js-plate-input input').first().fill('粤B12345');
    await expect.poll(() => add.locator('.form-field .js-sample-tag').count()).toBe(3);
  });
});
