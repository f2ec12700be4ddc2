import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, pageShown, shownParts, snap } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

// `npm run demo` itself (scripts/demo.mjs: seed through the API, then the real server), opened in the
// browser build as a newcomer would: log in with the printed account and find three months of use.
describe('the demo account of npm run demo in the browser build', () => {
  let server: RunningServer;
  let demoDir: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const shots = 'demo';

  beforeAll(async () => {
    demoDir = mkdtempSync(join(tmpdir(), 'cbc-demo-e2e-'));
    server = await startServer(
      { DEMO_DATA_DIR: join(demoDir, 'data-demo'), CREDIT_DELAY_SECONDS: '0' },
      { entry: join('scripts', 'demo.mjs'), healthTimeoutMs: 120_000 },
    );
    browser = await launchBrowser();
    page = await (await newPhoneContext(browser, 'zh-CN')).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  const on = (name: string) => page.locator(`.js-page-${name}`).last();
  const visible = (name: string, timeout?: number) => pageShown(page, name, timeout);

  it('prints the login, which opens an account with two funded cards and their last top-ups', async () => {
    const printed = server.logs();
    const phone = /Phone\s+\+86 (\d{3}) (\d{4}) (\d{4})/.exec(printed);
    const password = /Password\s+(\S+)/.exec(printed)?.[1];
    expect(phone, printed).not.toBeNull();
    expect(password).toBeTruthy();

    await page.goto(server.baseUrl + '/#/packages/account/pages/login/index');
    await visible('login');
    await on('login')
      .locator('.js-phone-input input')
      .fill(phone?.slice(1).join('') ?? '');
    await on('login')
      .locator('.js-password-input input')
      .fill(password ?? '');
    await on('login').locator('.js-login-submit').click();
    await visible('me', 15_000);

    await page.goto(server.baseUrl + '/#/pages/home/index');
    await visible('home');
    const rows = on('home').locator('.js-home-bound-card');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('中港通卡');
    expect(await rows.nth(1).innerText()).toContain('远游卡');
    for (const index of [0, 1]) {
      expect(await rows.nth(index).locator('.js-card-balance').innerText()).toMatch(/^(¥|HK\$)[1-9][\d,]*\.\d{2}$/);
      expect(await shownParts(rows.nth(index).locator('.js-card-last-topup'))).toMatch(
        /^上次充值 (¥|HK\$)[\d,]+\.00 · \d+月\d+日\u00a0\d{2}:\d{2}$/,
      );
    }
    await on('home').locator('.js-home-my-cards').scrollIntoViewIfNeeded();
    await snap(page, shots, '01-home');
  });

  it('shows three months of trips and top-ups on the History tab, with in and out each month', async () => {
    await page.goto(server.baseUrl + '/#/pages/history/index');
    await visible('history');
    const history = on('history');
    await expect.poll(() => history.locator('.js-entry').count(), { timeout: 15_000 }).toBe(20);
    expect(await history.locator('.js-entry-trip').count()).toBeGreaterThan(0);
    await snap(page, shots, '02-history');

    // The 中港通卡 alone: its chart has bars in (at least) the three months the seed walked.
    await history.locator('.js-filter-card .choice-group__item').nth(1).click();
    await expect.poll(() => history.locator('.js-chart-month').count(), { timeout: 15_000 }).toBe(6);
    const barHeights = await history
      .locator('.js-chart-month .history-chart__bar')
      .evaluateAll((bars) => bars.map((bar) => parseFloat((bar as HTMLElement).style.height) || 0));
    const monthsWithActivity = barHeights.reduce<number>(
      (count, _height, index) =>
        index % 2 === 0 && ((barHeights[index] ?? 0) > 0 || (barHeights[index + 1] ?? 0) > 0) ? count + 1 : count,
      0,
    );
    expect(monthsWithActivity).toBeGreaterThanOrEqual(3);
    await history.locator('.js-history-chart').scrollIntoViewIfNeeded();
    await snap(page, shots, '03-history-chart');

    // Scrolling loads older pages: month groups reach back three months.
    for (let i = 0; i < 12 && (await history.locator('.js-month').count()) < 3; i += 1) {
      await page.mouse.move(187, 400);
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(400);
    }
    await expect.poll(() => history.locator('.js-month').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    for (const totals of await history.locator('.js-month-totals').allInnerTexts()) {
      expect(totals).toMatch(/支出 ¥[\d,]+\.\d{2}/);
    }
    await snap(page, shots, '04-history-older-months');
    expect(pageErrors).toEqual([]);
  });

  it("opens a month's statement two months back with its entries", async () => {
    await page.goto(server.baseUrl + '/#/packages/cards/pages/list/index');
    await visible('cards');
    await expect.poll(() => on('cards').locator('.js-card-item').count(), { timeout: 15_000 }).toBe(2);
    await on('cards').locator('.js-card-item').first().click();
    await visible('card-detail');
    // Auto top-up was switched on by the seed, with the reminder it needs.
    await expect.poll(() => on('card-detail').locator('.js-auto-topup-status').innerText()).toMatch(/^已开启：每次/);
    await on('card-detail').locator('.js-card-history').click();
    await visible('card-history');
    await on('card-history').locator('.js-open-statement').click();
    await visible('statement');
    const statement = on('statement');
    await expect.poll(() => statement.locator('.js-statement-closing').isVisible()).toBe(true);
    for (let back = 0; back < 2; back += 1) {
      const month = await statement.locator('.js-statement-month').innerText();
      await statement.locator('.js-statement-prev').click();
      await expect.poll(() => statement.locator('.js-statement-month').innerText()).not.toBe(month);
    }
    await expect.poll(() => statement.locator('.js-entry').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    expect(await statement.locator('.js-statement-out').innerText()).toMatch(/^−¥[1-9]/);
    await snap(page, shots, '05-statement-two-months-back');
    expect(pageErrors).toEqual([]);
  });
});
