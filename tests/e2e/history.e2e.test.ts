import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCardNumber, generateMainlandId } from '@cbc/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindVerifiedCardThroughApi, registerThroughApi } from '../support/accounts';
import { appSessionToken, logInThroughUi, logOutThroughUi } from '../support/ui-session';
import { launchBrowser, newPhoneContext, pageShown, shownParts, snap } from '../support/browser';
import { solidPng, writeTempFile } from '../support/fixtures';
import { h5Dir } from '../support/paths';
import { startServer, type RunningServer } from '../support/server';

// Using the balance after the first top-up, in the browser build: a low-balance reminder, simulated
// toll trips until the reminder fires (inbox + home warning), a trip the lane declines, then the
// History tab (filter, receipt, send again), a card's history with its statement and the CSV export,
// and the planner. Crediting is immediate here (CREDIT_DELAY_SECONDS 0).
describe('trips, reminder and history in the browser build', () => {
  let server: RunningServer;
  let staticDir: string;
  let browser: Browser;
  let page: Page;
  let downloadDir: string;
  const pageErrors: string[] = [];
  const shots = 'history';

  const phone = '13700137000';
  const password = 'practice2026';
  const zgtNumber = generateCardNumber('zhonggangtong', '45678901234');
  const last4 = zgtNumber.slice(-4);
  const photo = writeTempFile('history-id-photo.png', solidPng(120, 80, [200, 220, 240]));

  const register = (number: string, email?: string) =>
    registerThroughApi(server.baseUrl, { phone: number, password, ...(email ? { email } : {}) });

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'cbc-history-h5-'));
    downloadDir = mkdtempSync(join(tmpdir(), 'cbc-history-downloads-'));
    cpSync(h5Dir, staticDir, { recursive: true });
    server = await startServer({
      STATIC_DIR: staticDir,
      CREDIT_DELAY_SECONDS: '0',
      JOB_INTERVAL_MS: '200',
      SIM_PROBE_RATE: '0',
    });
    // The account exists already (registering through the UI is the accounts test's job).
    await register(phone, 'driver@example.com');

    browser = await launchBrowser();
    page = await (await newPhoneContext(browser, 'zh-CN')).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
    if (downloadDir) rmSync(downloadDir, { recursive: true, force: true });
  });

  const on = (name: string) => page.locator(`.js-page-${name}`).last();
  const visible = (name: string, timeout?: number) => pageShown(page, name, timeout);
  const input = (pageName: string, cls: string) => on(pageName).locator(`.${cls} input`).first();
  const goToCards = async () => {
    await page.goto(server.baseUrl + '/#/packages/cards/pages/list/index');
    await visible('cards');
    await expect
      .poll(
        async () =>
          (await on('cards').locator('.js-card-entry').count()) + (await on('cards').locator('.js-empty').count()),
      )
      .toBeGreaterThan(0);
  };
  const openCardPage = async () => {
    await goToCards();
    await on('cards').locator('.js-card-item').first().click();
    await visible('card-detail');
    await expect.poll(() => on('card-detail').locator('.js-reminder-status').isVisible()).toBe(true);
  };

  /** 我的卡片 → bind a 中港通卡 with its ID photo (the accounts flow's steps). */
  async function bindCard(number: string, plate: string, idNumber: string) {
    await goToCards();
    await on('cards').locator('.js-add-card').last().click();
    await visible('card-add');
    const add = on('card-add');
    await add.locator('.js-card-type-zhonggangtong').click();
    await input('card-add', 'js-card-number-input').fill(number);
    await add.locator('.js-plate-region-mainland').first().click();
    await input('card-add', 'js-plate-input').fill(plate);
    await add.locator('.js-id-type-mainland_id').click();
    await input('card-add', 'js-id-number-input').fill(idNumber);
    const chooser = page.waitForEvent('filechooser');
    await add.locator('.js-choose-photo').click();
    await (await chooser).setFiles(photo);
    await expect.poll(() => add.locator('.js-photo-preview').isVisible()).toBe(true);
    await add.locator('.js-bind-submit').click();
    await visible('cards', 15_000);
    await expect.poll(() => on('cards').innerText(), { timeout: 15_000 }).toContain(number.slice(-4));
  }

  /** The logged-in app's session token. */
  async function sessionToken(): Promise<string> {
    const token = await appSessionToken(page);
    expect(token).toBeTruthy();
    return token;
  }

  /**
   * 充值 from 我的卡片 (the top-up flow's own steps), until credited: WeChat Pay's password for a 中港通卡,
   * a 遠遊卡's UnionPay with the code its (simulated) bank SMS shows.
   */
  async function topUp(preset: number, ending = last4) {
    await goToCards();
    const entry = on('cards').locator('.js-card-entry', { hasText: ending });
    await entry.locator('.js-card-topup').click();
    await visible('topup-amount');
    await on('topup-amount').locator(`.js-preset-${preset}`).click();
    await on('topup-amount').locator('.js-topup-next').click();
    await visible('topup-confirm');
    await expect.poll(() => on('topup-confirm').locator('.js-confirm-total').isVisible()).toBe(true);
    await on('topup-confirm').locator('.js-confirm-pay').click();
    await visible('cashier');
    const sheet = on('cashier').locator('.js-cashier-sheet');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    if ((await sheet.getAttribute('class'))?.includes('js-cashier-unionpay')) {
      await sheet.locator('.js-send-otp').click();
      const banner = page.locator('.js-sms-banner').last();
      await expect.poll(() => banner.innerText()).toMatch(/验证码 ?\d{6}/);
      const code = /验证码 ?(\d{6})/.exec(await banner.innerText())![1]!;
      await input('cashier', 'js-otp-input').fill(code);
      await sheet.locator('.js-cashier-confirm').click();
    } else {
      for (const digit of '135790') await on('cashier').locator(`.js-key-${digit}`).click();
    }
    await visible('topup-result');
    await expect
      .poll(() => on('topup-result').locator('.js-result').getAttribute('class'), { timeout: 30_000 })
      .toContain('js-result-credited');
  }

  it('logs in, binds a 中港通卡 with its ID photo and tops it up with ¥100', async () => {
    await logInThroughUi(page, server.baseUrl, phone, password);

    // History before anything happened: the empty state says what to do.
    await page.goto(server.baseUrl + '/#/pages/history/index');
    await visible('history');
    await expect.poll(() => on('history').locator('.js-empty').isVisible()).toBe(true);
    expect(await on('history').locator('.js-empty').innerText()).toMatch(/充值或模拟一次通行/);
    await snap(page, shots, '00-history-empty');

    await bindCard(zgtNumber, '粤Z1357港', generateMainlandId('440304', '19900101', '135'));

    await topUp(100);
  });

  it('sets a low-balance reminder of ¥50 on the card page', async () => {
    await openCardPage();
    const detail = on('card-detail');
    expect(await detail.locator('.js-reminder-status').innerText()).toBe('未开启');
    for (const link of ['.js-card-trip', '.js-card-history', '.js-card-planner']) {
      expect(await detail.locator(link).getAttribute('role')).toBe('button');
      expect((await detail.locator(link).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await snap(page, shots, '01-card-detail-use');
    // A typo is caught before anything is sent.
    await input('card-detail', 'js-reminder-input').fill('50.555');
    await detail.locator('.js-reminder-save').click();
    await expect.poll(() => detail.locator('.js-reminder-error').innerText()).toMatch(/金额/);
    await input('card-detail', 'js-reminder-input').fill('50');
    await detail.locator('.js-reminder-save').click();
    await expect.poll(() => detail.locator('.js-reminder-status').innerText()).toBe('余额低于 ¥50.00 时提醒');
    // The browser build cannot ask WeChat: the hint above already says the inbox carries the reminder,
    // and no second line repeats it.
    expect(await detail.locator('.js-reminder-subscribe').count()).toBe(0);
    expect(await detail.locator('.js-reminder').innerText()).toContain('「消息」里会收到一次提醒');
    expect(await detail.locator('.js-reminder-below').count()).toBe(0);
    await detail.locator('.js-reminder').scrollIntoViewIfNeeded();
    await snap(page, shots, '02-reminder-set');
  });

  it('simulates trips until the reminder fires, then the lane declines one for low balance', async () => {
    await on('card-detail').locator('.js-card-trip').click();
    await visible('trip');
    const trip = on('trip');
    await expect.poll(() => trip.locator('.js-trip-segments').isVisible()).toBe(true);
    expect(await trip.locator('.js-trip-sample-label').innerText()).toContain('示例路段，收费为模拟');
    expect(await trip.locator('.js-segment').count()).toBe(4);
    expect(await trip.locator('.js-segment-hg-dg .js-segment-fee').innerText()).toContain('¥35.00');
    expect(await trip.locator('.js-trip-card-balance').innerText()).toBe('¥100.00');
    await snap(page, shots, '03-trip-segments');

    // ¥100 → ¥65: still above ¥50, no reminder.
    await trip.locator('.js-segment-hg-dg .js-segment-pay').click();
    await expect.poll(() => trip.locator('.js-trip-paid').isVisible()).toBe(true);
    expect(await trip.locator('.js-trip-debited').innerText()).toBe('−¥35.00');
    expect(await trip.locator('.js-trip-balance').innerText()).toBe('¥65.00');
    expect(await trip.locator('.js-trip-receipt').innerText()).not.toBe('');
    expect(await trip.locator('.js-trip-reminder-sent').count()).toBe(0);
    await snap(page, shots, '04-trip-paid');
    // The lane links the trip's own receipt.
    const receiptNo = await trip.locator('.js-trip-receipt').innerText();
    await trip.locator('.js-trip-view-receipt').click();
    await visible('receipt');
    await expect.poll(() => on('receipt').locator('.js-receipt-no').innerText()).toContain(receiptNo);
    expect(await on('receipt').locator('.js-receipt-balance-after').innerText()).toBe('¥65.00');
    await page.goBack();
    await visible('trip');

    // ¥65 → ¥30: under ¥50, the reminder goes out once.
    await trip.locator('.js-trip-again').click();
    await trip.locator('.js-segment-hg-dg .js-segment-pay').click();
    await expect.poll(() => trip.locator('.js-trip-balance').innerText()).toBe('¥30.00');
    expect(await trip.locator('.js-trip-reminder-sent').isVisible()).toBe(true);
    await snap(page, shots, '05-trip-reminder-sent');

    // ¥30 < ¥35: declined, nothing debited, a way to 充值.
    await trip.locator('.js-trip-again').click();
    await trip.locator('.js-segment-hg-dg .js-segment-pay').click();
    await expect.poll(() => trip.locator('.js-trip-declined').isVisible()).toBe(true);
    expect(await trip.locator('.js-trip-declined-title').innerText()).toBe('余额不足，交易拒绝');
    expect(await trip.locator('.js-trip-declined-message').innerText()).toMatch(/^余额不足（还需 ¥5\.00）.*。$/);
    // Which segment's toll was refused, and the balance it was refused against.
    expect(await trip.locator('.js-trip-declined-rows').innerText()).toMatch(
      /路段\s+皇岗 → 东莞[\s\S]*通行费\s+¥35\.00[\s\S]*当前余额\s+¥30\.00/,
    );
    expect(await trip.locator('.js-trip-topup').getAttribute('role')).toBe('button');
    await expect.poll(() => trip.locator('.js-trip-card-balance').innerText()).toBe('¥30.00');
    await snap(page, shots, '06-trip-declined');
    await trip.locator('.js-trip-topup').click();
    await visible('topup-amount');
    await page.goBack();
    await visible('trip');
  });

  it('finds the reminder in the inbox and on the home page', async () => {
    await page.goto(server.baseUrl + '/#/packages/messages/pages/inbox/index');
    await visible('messages');
    await expect.poll(() => on('messages').innerText()).toContain('余额不足提醒');
    // Once per crossing: one reminder although two trips ended under the threshold.
    expect((await on('messages').innerText()).match(/余额不足提醒/g)?.length).toBe(1);
    await snap(page, shots, '07-inbox-reminder');

    await page.goto(server.baseUrl + '/#/pages/home/index');
    await visible('home');
    const warning = on('home').locator('.js-low-balance');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toContain('余额低于提醒金额 ¥50.00');
    expect(await warning.locator('.js-low-balance-topup').getAttribute('role')).toBe('button');
    expect((await warning.locator('.js-low-balance-topup').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await on('home').locator('.js-home-my-cards').scrollIntoViewIfNeeded();
    await snap(page, shots, '08-home-low-balance');
    await warning.locator('.js-low-balance-topup').click();
    await visible('topup-amount');
    await page.goBack();
    await visible('home');

    await openCardPage();
    await expect.poll(() => on('card-detail').locator('.js-reminder-below').isVisible()).toBe(true);
  });

  it('lists every transaction on the History tab by month, filters trips and opens a receipt', async () => {
    const figureCalls: string[] = [];
    const trackFigures = (request: { url: () => string }) => {
      const url = new URL(request.url());
      if (/\/(statements\/[^/]+|months)$/.test(url.pathname)) figureCalls.push(url.pathname + url.search);
    };
    page.on('request', trackFigures);
    await page.goto(server.baseUrl + '/#/pages/history/index');
    await visible('history');
    const history = on('history');
    await expect.poll(() => history.locator('.js-entry').count(), { timeout: 15_000 }).toBe(3);
    // Newest first: the two trips, then the top-up; signed, right-aligned amounts.
    const amounts = await history.locator('.js-entry-amount').allInnerTexts();
    expect(amounts).toEqual(['−¥35.00', '−¥35.00', '+¥100.00']);
    const totals = await history.locator('.js-month-totals').first().innerText();
    expect(totals).toContain('收入 ¥100.00');
    expect(totals).toContain('支出 ¥70.00');
    await expect.poll(() => history.locator('.js-history-end').isVisible()).toBe(true);
    await expect.poll(() => history.locator('.js-chart-month').count()).toBe(6);
    // The figure above the bars is the scale's top (¥100 in this month), named as such.
    expect(await history.locator('.history-chart__scale').innerText()).toBe('最高 ¥100');
    // All cards (the only one here, so named as that card).
    expect(await shownParts(history.locator('.js-chart-label'))).toBe(`中港通卡 ${last4} · 人民币（CNY）`);
    // The chart's six months of all cards come in one call, not a statement each; the list's month
    // totals of all cards in one more.
    await expect.poll(() => figureCalls.length).toBe(2);
    const monthsAsked = (calls: string[]) =>
      calls.map((call) => new URL(call, server.baseUrl)).map((url) => [url.pathname, url.searchParams.get('months')]);
    expect(monthsAsked(figureCalls)).toEqual(
      expect.arrayContaining([
        ['/api/v1/transactions/months', expect.stringMatching(/^(\d{4}-\d{2},){5}\d{4}-\d{2}$/)],
        ['/api/v1/transactions/months', expect.stringMatching(/^\d{4}-\d{2}$/)],
      ]),
    );
    await snap(page, shots, '09-history-all');

    // One card: the list comes from that card's own endpoint.
    const cardCalls: string[] = [];
    const track = (request: { url: () => string }) => {
      const path = new URL(request.url()).pathname;
      if (/^\/api\/v1\/cards\/[^/]+\/transactions$/.test(path)) cardCalls.push(path);
    };
    page.on('request', track);
    await history.locator('.js-filter-card .choice-group__item').nth(1).click();
    await expect.poll(() => cardCalls.length).toBeGreaterThan(0);
    await expect.poll(() => history.locator('.js-entry').count()).toBe(3);
    page.off('request', track);
    // One card: the chart's six months and each month's figures are the card's own, a call each.
    await expect.poll(() => figureCalls.length).toBe(4);
    page.off('request', trackFigures);
    expect(monthsAsked(figureCalls.slice(2)).map(([path]) => path)).toEqual([
      expect.stringMatching(/^\/api\/v1\/cards\/[^/]+\/months$/),
      expect.stringMatching(/^\/api\/v1\/cards\/[^/]+\/months$/),
    ]);
    expect(await shownParts(history.locator('.js-chart-label'))).toBe(`中港通卡 ${last4} · 人民币（CNY）`);
    const cardTotals = await history.locator('.js-month-totals').first().innerText();
    expect(cardTotals).toContain('收入 ¥100.00');
    expect(cardTotals).toContain('支出 ¥70.00');

    await history.locator('.js-filter-kind-trip').click();
    await expect.poll(() => history.locator('.js-entry-trip').count()).toBe(2);
    expect(await history.locator('.js-entry-topup').count()).toBe(0);
    await history.locator('.js-history-list').scrollIntoViewIfNeeded();
    await snap(page, shots, '10-history-trips');

    await history.locator('.js-entry-trip').first().click();
    await visible('receipt');
    const receipt = on('receipt');
    await expect.poll(() => receipt.locator('.js-receipt-no').isVisible()).toBe(true);
    expect(await receipt.locator('.js-receipt-amount').innerText()).toBe('−¥35.00');
    expect(await receipt.locator('.js-receipt-segment').innerText()).toContain('皇岗 → 东莞');
    expect(await receipt.locator('.js-receipt-card').innerText()).toBe(`6288 **** **** ${last4}`);
    expect(await receipt.locator('.js-receipt-balance-after').innerText()).toBe('¥30.00');
    // In the cards' home time, like the SMS and the CSV, whatever the device's zone.
    expect(await receipt.locator('.js-receipt-time').innerText()).toMatch(/^\d+月\d+日 \d{2}:\d{2} \(UTC\+8\)$/);
    expect(await receipt.locator('.js-receipt-out-trade-no').count()).toBe(0);
    await snap(page, shots, '11-receipt-trip');
    await receipt.locator('.js-resend-email').click();
    await expect.poll(() => receipt.locator('.js-resend-ok').isVisible()).toBe(true);
    await receipt.locator('.js-resend').scrollIntoViewIfNeeded();
    await snap(page, shots, '12-receipt-resent');
    await page.goBack();
    await visible('history');

    // The top-up's receipt carries the order's numbers.
    await history.locator('.js-filter-kind-topup').click();
    await expect.poll(() => history.locator('.js-entry-topup').count()).toBe(1);
    await expect.poll(() => history.locator('.js-entry-trip').count()).toBe(0);
    await history.locator('.js-entry-topup').first().click();
    await visible('receipt');
    await expect.poll(() => on('receipt').locator('.js-receipt-out-trade-no').isVisible()).toBe(true);
    expect(await on('receipt').locator('.js-receipt-method').innerText()).toBe('微信支付');
    expect(await on('receipt').locator('.js-receipt-transaction-id').innerText()).not.toBe('');
    await snap(page, shots, '13-receipt-topup');
  });

  it("exports a card's history as CSV and shows its monthly statement", async () => {
    await openCardPage();
    await on('card-detail').locator('.js-card-history').click();
    await visible('card-history');
    const cardHistory = on('card-history');
    await expect.poll(() => cardHistory.locator('.js-entry').count()).toBe(3);
    await snap(page, shots, '14-card-history');

    // A date range from the picker (today, UTC+8): the list and the export both follow it.
    await cardHistory.locator('.js-filter-from').click();
    const ok = page.locator('.weui-picker__action:visible', { hasText: '确定' });
    await expect.poll(() => ok.isVisible()).toBe(true);
    await snap(page, shots, '14b-card-history-date-picker');
    await ok.click();
    await expect.poll(() => cardHistory.locator('.js-filter-from').getAttribute('class')).toContain('is-set');
    await expect.poll(() => cardHistory.locator('.js-export-range').innerText()).toMatch(/\d{4}年\d+月\d+日 – …/);
    await expect.poll(() => cardHistory.locator('.js-entry').count()).toBe(3);
    const csvCalls: string[] = [];
    const track = (request: { url: () => string }) => {
      if (request.url().includes('/transactions.csv')) csvCalls.push(request.url());
    };
    page.on('request', track);

    const download = page.waitForEvent('download');
    await cardHistory.locator('.js-export-csv').click();
    const file = join(downloadDir, 'export.csv');
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.csv$/);
    await saved.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/时间/);
    expect(rows.filter((row) => row.includes('皇岗'))).toHaveLength(2);
    page.off('request', track);
    expect(csvCalls[0]).toMatch(/[?&]from=\d{4}-\d{2}-\d{2}/);
    expect(csvCalls[0]).toMatch(/[?&]lang=zh-Hans/);

    await cardHistory.locator('.js-open-statement').click();
    await visible('statement');
    const statement = on('statement');
    await expect.poll(() => statement.locator('.js-statement-closing').isVisible()).toBe(true);
    expect(await statement.locator('.js-statement-opening').innerText()).toBe('¥0.00');
    expect(await statement.locator('.js-statement-closing').innerText()).toBe('¥30.00');
    expect(await statement.locator('.js-statement-in').innerText()).toBe('+¥100.00');
    expect(await statement.locator('.js-statement-out').innerText()).toBe('−¥70.00');
    expect(await statement.locator('.js-entry').count()).toBe(3);
    await snap(page, shots, '15-statement');
    // No month after this one: "next" says it cannot be used, and leaves the tab order until it can.
    const next = statement.locator('.js-statement-next');
    expect([await next.getAttribute('aria-disabled'), await next.getAttribute('tabindex')]).toEqual(['true', '-1']);
    await statement.locator('.js-statement-prev').click();
    await expect.poll(() => on('statement').locator('.js-statement-empty').isVisible()).toBe(true);
    await expect
      .poll(async () => [await next.getAttribute('aria-disabled'), await next.getAttribute('tabindex')])
      .toEqual(['false', '0']);
    await snap(page, shots, '16-statement-previous-month');
  });

  it('plans a top-up cycle and sets the reminder from it', async () => {
    await openCardPage();
    await on('card-detail').locator('.js-card-planner').click();
    await visible('planner');
    const planner = on('planner');
    await expect.poll(() => planner.locator('.js-plan').isVisible()).toBe(true);
    await input('planner', 'js-planner-trips').fill('3');
    await planner.locator('.js-planner-segment-hg-dg').click();
    // 3 trips × ¥35 × 52 / 12 = ¥455 a month → the ¥500 preset; reminder at 6 trips = ¥210.
    await expect.poll(() => planner.locator('.js-plan-topup').innerText()).toBe('¥500.00');
    expect(await planner.locator('.js-plan-threshold').innerText()).toBe('¥210.00');
    expect(await planner.locator('.js-plan-check').innerText()).toBe('每周查一次');
    await snap(page, shots, '17-planner');
    await planner.locator('.js-plan-set-reminder').click();
    await expect.poll(() => planner.locator('.js-plan-saved').innerText()).toBe('余额低于 ¥210.00 时提醒');
    await page.goBack();
    await visible('card-detail');
    await expect
      .poll(() => on('card-detail').locator('.js-reminder-status').innerText())
      .toBe('余额低于 ¥210.00 时提醒');
    expect(pageErrors).toEqual([]);
  });

  it('loads older entries with the cursor as the History tab scrolls', async () => {
    await topUp(1000);
    // 25 more trips through the API with the app's own session: more than one page (20) of history.
    const token = await sessionToken();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cards = (await (await fetch(`${server.baseUrl}/api/v1/cards`, { headers })).json()) as {
      cards: { id: string }[];
    };
    const cardId = cards.cards[0]?.id;
    for (let i = 0; i < 25; i += 1) {
      const trip = await fetch(`${server.baseUrl}/api/v1/cards/${cardId}/trips`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ segmentId: 'hg-dg' }),
      });
      expect(trip.status).toBe(201);
    }
    let total = 0;
    let cursor: string | null = null;
    do {
      const reply = await fetch(
        `${server.baseUrl}/api/v1/transactions${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers },
      );
      const body = (await reply.json()) as { transactions: unknown[]; nextCursor: string | null };
      total += body.transactions.length;
      cursor = body.nextCursor;
    } while (cursor);
    expect(total).toBeGreaterThan(20);

    await page.goto(server.baseUrl + '/#/pages/history/index');
    await visible('history');
    const history = on('history');
    await history.locator('.js-filter-kind-all').click();
    await expect.poll(() => history.locator('.js-entry').count(), { timeout: 15_000 }).toBe(20);
    // One card chosen, no kind or date filter: the month's totals are whole (its statement), though
    // only the first page of its entries is loaded: ¥100 + ¥1,000 in, 27 trips of ¥35 out.
    await expect.poll(() => history.locator('.js-month-totals').first().innerText()).toMatch(/收入 ¥1,100\.00/);
    expect(await history.locator('.js-month-totals').first().innerText()).toMatch(/支出 ¥945\.00/);
    expect(await history.locator('.js-month-totals').first().innerText()).not.toContain('已加载部分');
    await snap(page, shots, '18-history-first-page');
    // Scrolling to the bottom asks for the next page (onReachBottom), until the last.
    for (let i = 0; i < 5 && (await history.locator('.js-entry').count()) < total; i += 1) {
      // A finger's swipe: the wheel scrolls whatever scrolls under it (Taro's h5 page container).
      await page.mouse.move(187, 400);
      await page.mouse.wheel(0, 20_000);
      await page.waitForTimeout(400);
    }
    await expect.poll(() => history.locator('.js-entry').count(), { timeout: 15_000 }).toBe(total);
    await expect.poll(() => history.locator('.js-history-end').isVisible()).toBe(true);
    await snap(page, shots, '19-history-all-pages');
    expect(pageErrors).toEqual([]);
  });

  it('says when a receipt or a statement does not exist (another id) or a link is cut short, and leads back instead of a retry that cannot help', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await page.goto(`${server.baseUrl}/#/packages/history/pages/receipt/index?id=${missing}`);
    await visible('receipt');
    await expect.poll(() => on('receipt').locator('.js-error').isVisible()).toBe(true);
    // Not found: nothing failed to load, and retrying cannot help, so there is no retry button.
    expect(await on('receipt').locator('.js-error').innerText()).toMatch(/(^|\n)找不到了\n找不到这笔交易/);
    expect(await on('receipt').locator('.js-retry').count()).toBe(0);
    expect(await on('receipt').locator('.js-go-history').isVisible()).toBe(true);
    await snap(page, shots, '19b-receipt-not-found');
    await page.goto(`${server.baseUrl}/#/packages/history/pages/statement/index?id=${missing}&month=2026-01`);
    await visible('statement');
    await expect.poll(() => on('statement').locator('.js-error').isVisible()).toBe(true);
    // Another account's card, or none: the way back to the cards, not a retry.
    expect(await on('statement').locator('.js-retry').count()).toBe(0);
    expect(await on('statement').locator('.js-back-to-cards').isVisible()).toBe(true);
    // A link cut short when shared: said so, with the way back.
    await page.goto(`${server.baseUrl}/#/packages/history/pages/receipt/index?id=R2026`);
    await visible('receipt');
    await expect.poll(() => on('receipt').locator('.js-error').innerText()).toMatch(/链接不完整\n请回到「交易记录」/);
    expect(await on('receipt').locator('.js-go-history').isVisible()).toBe(true);
    await page.goto(`${server.baseUrl}/#/packages/topup/pages/order/index?id=CB2026`);
    await visible('order');
    await expect.poll(() => on('order').locator('.js-error').innerText()).toMatch(/链接不完整\n请回到「我的订单」/);
    expect(await on('order').locator('.js-open-orders').isVisible()).toBe(true);

    // The chart's one call fails (the phone is offline for a moment): it says so in its place, and its
    // retry draws the six months once the network is back.
    const monthsCall = /\/api\/v1\/transactions\/months\?.*months=(\d{4}-\d{2}(%2C|,)){5}\d{4}-\d{2}/;
    let offline = true;
    await page.route(monthsCall, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(server.baseUrl + '/#/pages/history/index');
    await visible('history');
    const chart = on('history').locator('.js-history-chart');
    await expect.poll(() => chart.locator('.js-chart-error').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await chart.locator('.js-chart-month').count()).toBe(0);
    await snap(page, shots, '19c-history-chart-offline');
    offline = false;
    await chart.locator('.js-chart-retry').click();
    await expect.poll(() => chart.locator('.js-chart-month').count()).toBe(6);
    expect(await chart.locator('.js-chart-error').count()).toBe(0);
    await page.unroute(monthsCall);
  });

  it('labels the 记录 tab and its months in English and Traditional Chinese', async () => {
    const tabBar = () => page.locator('.taro-tabbar__tabbar');
    // The language the user chose in settings, as Taro's storage keeps it; read when the app starts.
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'en' })));
    await page.goto(server.baseUrl + '/#/pages/history/index');
    await page.reload();
    await visible('history');
    await expect.poll(() => tabBar().innerText()).toMatch(/Home[\s\S]*Guides[\s\S]*History[\s\S]*Me/);
    const history = on('history');
    await expect.poll(() => history.locator('.js-entry').count(), { timeout: 15_000 }).toBe(20);
    expect(await history.locator('.js-filter-kind-trip').innerText()).toBe('Trips');
    // All cards, only the first page loaded: the month's whole figures all the same (¥100 + ¥1,000 in,
    // 27 trips of ¥35 out), not what the loaded rows add up to.
    await expect.poll(() => history.locator('.js-month-totals').first().innerText()).toMatch(/In ¥1,100\.00/);
    expect(await history.locator('.js-month-totals').first().innerText()).toMatch(/Out ¥945\.00/);
    expect(await history.locator('.js-month-totals').first().innerText()).not.toContain('(so far)');
    await snap(page, shots, '20-en-history');

    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'zh-Hant' })));
    await page.reload();
    await visible('history');
    await expect.poll(() => tabBar().innerText()).toMatch(/首頁[\s\S]*指南[\s\S]*記錄[\s\S]*我的/);
    await expect.poll(() => on('history').locator('.js-entry').count(), { timeout: 15_000 }).toBe(20);
    await snap(page, shots, '21-zh-Hant-history');
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'zh-Hans' })));
    await page.reload();
    await visible('history');
    expect(pageErrors).toEqual([]);
  });

  it('says so when a receipt is sent by e-mail to an account without one', async () => {
    const otherPhone = '13700137001';
    const otherNumber = generateCardNumber('zhonggangtong', '56789012345');
    await register(otherPhone);
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    await logOutThroughUi(page);
    await logInThroughUi(page, server.baseUrl, otherPhone, password);
    await bindCard(otherNumber, '粤B24680', generateMainlandId('440304', '19920202', '246'));
    await topUp(100, otherNumber.slice(-4));

    await page.goto(server.baseUrl + '/#/pages/history/index');
    await visible('history');
    const history = on('history');
    await history.locator('.js-filter-kind-all').click();
    await expect.poll(() => history.locator('.js-entry').count(), { timeout: 15_000 }).toBe(1);
    await history.locator('.js-entry').first().click();
    await visible('receipt');
    const receipt = on('receipt');
    await expect.poll(() => receipt.locator('.js-resend-email').isVisible()).toBe(true);
    await receipt.locator('.js-resend-email').click();
    await expect.poll(() => receipt.locator('.js-resend-error').isVisible()).toBe(true);
    expect(await receipt.locator('.js-resend-error').innerText()).toMatch(
      /没有可接收的电子邮件地址。\s*可以改用另一种方式/,
    );
    await receipt.locator('.js-resend').scrollIntoViewIfNeeded();
    await snap(page, shots, '22-receipt-recipient-missing');
    await receipt.locator('.js-resend-sms').click();
    await expect.poll(() => receipt.locator('.js-resend-ok').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('turns on auto top-up, and a trip that leaves the balance low tops the card up by itself', async () => {
    // The second account's card: ¥100 after its top-up, no reminder yet.
    await openCardPage();
    const detail = on('card-detail');
    const auto = detail.locator('.js-auto-topup');
    await expect.poll(() => auto.locator('.js-auto-topup-status').innerText()).toBe('未开启');
    expect(await auto.locator('.js-auto-topup-form').count()).toBe(0);
    const toggle = auto.locator('.js-auto-topup-switch');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    // The choice opens; the switch stays off, as the line under it says, until the choice is saved.
    await expect.poll(() => auto.locator('.js-auto-topup-form').isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await auto.locator('.js-auto-topup-status').innerText()).toBe(
      '还没开启：选好下面的金额和扣款方式，再点「开启自动充值」',
    );
    // Without a reminder threshold nothing would ever start it: the panel says so.
    await expect.poll(() => auto.locator('.js-auto-topup-needs-reminder').isVisible()).toBe(true);
    expect(await auto.locator('.js-auto-topup-amount-10000').getAttribute('aria-checked')).toBe('true');
    await auto.locator('.js-auto-topup-amount-20000').click();
    expect(await auto.locator('.js-auto-topup-amount-20000').getAttribute('aria-checked')).toBe('true');
    await auto.locator('.js-auto-topup-method-alipay').click();
    await auto.scrollIntoViewIfNeeded();
    await snap(page, shots, '23-auto-topup-choose');

    await input('card-detail', 'js-reminder-input').fill('80');
    await detail.locator('.js-reminder-save').click();
    await expect.poll(() => detail.locator('.js-reminder-status').innerText()).toBe('余额低于 ¥80.00 时提醒');
    await expect.poll(() => auto.locator('.js-auto-topup-needs-reminder').count()).toBe(0);
    await auto.locator('.js-auto-topup-save').click();
    await expect.poll(() => auto.locator('.js-auto-topup-status').innerText()).toBe('已开启：每次 ¥200.00，支付宝');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    // Saved as chosen: nothing to save until something changes.
    expect(await auto.locator('.js-auto-topup-save').count()).toBe(0);
    await auto.scrollIntoViewIfNeeded();
    await snap(page, shots, '24-auto-topup-on');

    // ¥100 − ¥35 = ¥65, under ¥80: the trip goes through and ¥200 follows on its own.
    await detail.locator('.js-card-trip').click();
    await visible('trip');
    await on('trip').locator('.js-segment-hg-dg .js-segment-pay').click();
    await expect.poll(() => on('trip').locator('.js-trip-balance').innerText()).toBe('¥65.00');
    await page.goto(server.baseUrl + '/#/pages/home/index');
    await visible('home');
    const row = on('home').locator('.js-home-bound-card').first();
    await expect
      .poll(
        async () => {
          await page.reload();
          await visible('home');
          return row.locator('.js-card-balance').innerText();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe('¥265.00');
    expect(await shownParts(row.locator('.js-card-last-topup'))).toMatch(
      /^上次充值 ¥200\.00 · \d+月\d+日\u00a0\d{2}:\d{2}$/,
    );
    await snap(page, shots, '25-home-after-auto-topup');

    await page.goto(server.baseUrl + '/#/packages/messages/pages/inbox/index');
    await visible('messages');
    await expect.poll(() => on('messages').innerText()).toContain('自动充值');
    await openCardPage();
    await expect
      .poll(() => on('card-detail').locator('.js-auto-topup-last').innerText())
      .toMatch(/^最近一次自动充值：/);
    // Off in one tap; the choice is kept for next time.
    await on('card-detail').locator('.js-auto-topup-switch').click();
    await expect.poll(() => on('card-detail').locator('.js-auto-topup-status').innerText()).toBe('未开启');
    await on('card-detail').locator('.js-auto-topup-switch').click();
    expect(await on('card-detail').locator('.js-auto-topup-amount-20000').getAttribute('aria-checked')).toBe('true');
    expect(await on('card-detail').locator('.js-auto-topup-switch').getAttribute('aria-checked')).toBe('false');
    expect(pageErrors).toEqual([]);
  });

  it("charts all cards of one type together, and beside a 遠遊卡 only the default card's currency", async () => {
    // The second account: its 中港通卡 took ¥100, then ¥200 by auto top-up, and a ¥35 trip this month.
    const token = await sessionToken();
    const second = generateCardNumber('zhonggangtong', '67890123457');
    await bindVerifiedCardThroughApi(server.baseUrl, token, { number: second, plate: '粤B13579' });
    await topUp(100, second.slice(-4));

    const openHistory = async () => {
      await page.goto(server.baseUrl + '/#/pages/history/index');
      await visible('history');
      await expect.poll(() => chart.locator('.js-chart-month').count(), { timeout: 15_000 }).toBe(6);
    };
    const chart = on('history').locator('.js-history-chart');
    const thisMonth = () => chart.locator('.js-chart-month').last().getAttribute('aria-label');
    await openHistory();
    // Both cards' money in one currency: one chart of their sums, named as all cards.
    expect(await shownParts(chart.locator('.js-chart-label'))).toBe('全部卡片 · 人民币（CNY）');
    expect(await chart.locator('.history-chart__scale').innerText()).toBe('最高 ¥400');
    expect(await thisMonth()).toMatch(/收入 ¥400\.00 支出 ¥35\.00$/);
    await snap(page, shots, '26-history-chart-all-cards');

    // A 遠遊卡 keeps its books in HKD: the chart stays in the default card's currency, and says whose.
    const yuanyou = generateCardNumber('yuanyou', '78901234568');
    await bindVerifiedCardThroughApi(server.baseUrl, token, { type: 'yuanyou', number: yuanyou });
    await topUp(100, yuanyou.slice(-4));
    await openHistory();
    expect(await shownParts(chart.locator('.js-chart-label'))).toBe('全部中港通卡 · 人民币（CNY）');
    expect(await chart.locator('.history-chart__scale').innerText()).toBe('最高 ¥400');
    expect(await thisMonth()).toMatch(/收入 ¥400\.00 支出 ¥35\.00$/);
    await snap(page, shots, '27-history-chart-two-currencies');

    // The 遠遊卡 chosen in the filter: its own chart, in HKD.
    await on('history')
      .locator('.js-filter-card .choice-group__item', { hasText: yuanyou.slice(-4) })
      .click();
    await expect
      .poll(() => shownParts(chart.locator('.js-chart-label')))
      .toBe(`远游卡 ${yuanyou.slice(-4)} · 港币（HKD）`);
    await expect.poll(() => chart.locator('.history-chart__scale').innerText()).toBe('最高 HK$100');
    expect(await thisMonth()).toMatch(/收入 HK\$100\.00 支出 HK\$0\.00$/);
    await snap(page, shots, '28-history-chart-yuanyou');

    // A reload starts again from all cards.
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'en' })));
    await page.reload();
    await visible('history');
    await expect
      .poll(() => shownParts(chart.locator('.js-chart-label')))
      .toBe('All Zhonggangtong Cards · Renminbi (CNY)');
    await snap(page, shots, '29-en-history-chart-two-currencies');
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'zh-Hans' })));
    expect(pageErrors).toEqual([]);
  });
});
