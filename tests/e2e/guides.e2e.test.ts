import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, snap } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

// One user's walk through the browser build against the real server: home → guides → switch card →
// switch language → open a guide → back → channel → reload (language remembered) → offline.
describe('guides in the browser build', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const shots = 'guides';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newPhoneContext(browser, 'zh-CN');
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const home = () => page.locator('.js-page-home');
  const guides = () => page.locator('.js-page-guides');
  const guideDetail = () => page.locator('.js-page-guide');
  const channelDetail = () => page.locator('.js-page-channel');
  const tabBar = () => page.locator('.taro-tabbar__tabbar');
  // The language sheet fades out after a choice; screenshots wait until the page is uncovered.
  const sheetClosed = () => expect.poll(() => page.locator('.nut-overlay:visible').count()).toBe(0);

  it('opens on the home page introducing both cards and the simulation', async () => {
    await page.goto(server.baseUrl + '/');
    await expect.poll(() => home().isVisible()).toBe(true);
    await expect.poll(() => home().locator('.js-home-card-zhonggangtong').innerText()).toContain('中港通卡');
    expect(await home().locator('.js-home-card-yuanyou').innerText()).toContain('远游卡');
    expect(await home().locator('.js-simulation-notice').innerText()).toContain('模拟');
    expect(await home().locator('.js-scam-warning').innerText()).toContain('官方渠道');
    expect(await tabBar().innerText()).toMatch(/首页[\s\S]*指南/);
    await snap(page, shots, '01-home-zh-Hans');
  });

  it('goes to the guides of 中港通卡 with its online guide and offline channels', async () => {
    await home().locator('.js-open-guides').click();
    await expect.poll(() => guides().isVisible()).toBe(true);
    await expect.poll(() => guides().locator('.js-guide-zhonggangtong-online').innerText()).toContain('中港通卡');
    // Guides and channels are two requests: the channels may arrive after the guides are on screen.
    for (const channel of ['toll-station', 'bank-branch', 'kiosk']) {
      await expect.poll(() => guides().locator(`.js-channel-zhonggangtong-${channel}`).isVisible()).toBe(true);
    }
    await expect.poll(() => guides().locator('.js-guide-zhonggangtong-tips').isVisible()).toBe(true);
    expect(await guides().locator('.js-card-tab-zhonggangtong').getAttribute('class')).toContain('is-active');
    await snap(page, shots, '02-guides-zhonggangtong');
  });

  it('switches card to 遠遊卡', async () => {
    await guides().locator('.js-card-tab-yuanyou').click();
    await expect.poll(() => guides().locator('.js-guide-yuanyou-online').isVisible()).toBe(true);
    // Guides and channels are two requests: the channels may arrive after the guides are on screen.
    for (const channel of ['service-centre', 'convenience-store', 'atm']) {
      await expect.poll(() => guides().locator(`.js-channel-yuanyou-${channel}`).isVisible()).toBe(true);
    }
    await expect.poll(() => guides().locator('.js-channel-zhonggangtong-kiosk').count()).toBe(0);
    await expect.poll(() => guides().locator('.js-card-tab-yuanyou').getAttribute('class')).toContain('is-active');
    await snap(page, shots, '03-guides-yuanyou');
  });

  it('switches language to English, tab bar included', async () => {
    await guides().locator('.js-lang-trigger').click();
    const option = page.locator('.js-lang-option-en').last();
    await expect.poll(() => option.isVisible()).toBe(true);
    await snap(page, shots, '04-language-sheet');
    await option.click();
    await expect.poll(() => guides().locator('.js-guide-yuanyou-online').innerText()).toContain('Yuanyou Card');
    await expect.poll(() => tabBar().innerText()).toMatch(/Home[\s\S]*Guides/);
    expect(await guides().locator('.js-channel-yuanyou-atm').innerText()).toMatch(/ATM/);
    await sheetClosed();
    await snap(page, shots, '05-guides-yuanyou-en');
  });

  it('opens a guide with its numbered steps and the simulation notice', async () => {
    await guides().locator('.js-guide-yuanyou-online').click();
    await expect.poll(() => guideDetail().locator('.js-guide-title').innerText()).toContain('Yuanyou Card');
    expect(await guideDetail().locator('.js-guide-step').count()).toBe(5);
    const steps = await guideDetail().locator('.js-guide-steps').innerText();
    expect(steps).toMatch(/1[\s\S]*2[\s\S]*3[\s\S]*4[\s\S]*5/);
    expect(await guideDetail().innerText()).toContain('practice simulation');
    expect(await guideDetail().locator('.js-menu-path').first().innerText()).toContain('Account management');
    await snap(page, shots, '06-guide-yuanyou-online-en');
    // Taro scrolls inside the page element, so a full-page shot would show only the first screen.
    await guideDetail().locator('.js-guide-step').nth(2).scrollIntoViewIfNeeded();
    await snap(page, shots, '06b-guide-yuanyou-online-en-steps');
  });

  it('goes back to the guides list', async () => {
    await page.goBack();
    // The detail page slides out before it leaves the DOM.
    await expect.poll(() => guideDetail().count()).toBe(0);
    expect(await guides().isVisible()).toBe(true);
    expect(await guides().locator('.js-card-tab-yuanyou').getAttribute('class')).toContain('is-active');
  });

  it('opens an offline channel with what to bring', async () => {
    await guides().locator('.js-channel-yuanyou-convenience-store').click();
    await expect.poll(() => channelDetail().locator('.js-channel-title').innerText()).not.toBe('');
    expect(await channelDetail().locator('.js-channel-bring').innerText()).toMatch(/card/i);
    expect(await channelDetail().locator('.js-channel-steps').innerText()).not.toBe('');
    await snap(page, shots, '07-channel-convenience-store-en');
    await page.goBack();
    await expect.poll(() => channelDetail().count()).toBe(0);
  });

  it('remembers the language and card across a restart', async () => {
    await page.reload();
    await expect.poll(() => guides().locator('.js-guide-yuanyou-online').innerText()).toContain('Yuanyou Card');
    expect(await tabBar().innerText()).toMatch(/Home[\s\S]*Guides/);
  });

  it('shows a cached guide with a notice when the network is gone', async () => {
    await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
    await guides().locator('.js-guide-yuanyou-online').click();
    await expect.poll(() => guideDetail().locator('.js-offline-banner').isVisible()).toBe(true);
    expect(await guideDetail().locator('.js-guide-title').innerText()).toContain('Yuanyou Card');
    expect(await guideDetail().locator('.js-guide-step').count()).toBe(5);
    await snap(page, shots, '08-guide-offline-cached');
    await page.goBack();
    await expect.poll(() => guideDetail().count()).toBe(0);
  });

  it('says so, with a retry, when a never-opened guide cannot load, and recovers', async () => {
    await guides().locator('.js-guide-yuanyou-tips').click();
    const retry = guideDetail().locator('.js-retry');
    await expect.poll(() => retry.isVisible()).toBe(true);
    expect(await guideDetail().locator('.js-error').innerText()).toMatch(/network/i);
    await snap(page, shots, '09-guide-offline-error');
    await page.unroute('**/api/v1/**');
    await retry.click();
    await expect.poll(() => guideDetail().locator('.js-guide-step').count()).toBe(4);
    expect(await guideDetail().innerText()).toMatch(/official/i);
    expect(await guideDetail().locator('.js-offline-banner').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => guideDetail().count()).toBe(0);
  });

  it('reads in Traditional Chinese', async () => {
    await guides().locator('.js-lang-trigger').click();
    await page.locator('.js-lang-option-zh-Hant').last().click();
    await expect.poll(() => guides().locator('.js-card-tab-yuanyou').innerText()).toContain('遠遊卡');
    await expect.poll(() => tabBar().innerText()).toMatch(/首頁[\s\S]*指南/);
    expect(await guides().locator('.js-guide-yuanyou-online').innerText()).toMatch(/網上|增值/);
    await sheetClosed();
    await snap(page, shots, '10-guides-yuanyou-zh-Hant');
  });

  it('raised no script error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
