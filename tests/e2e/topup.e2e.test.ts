import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVICE_ID_HEADER, generateCardNumber, generateHkid, generateMainlandId } from '@cbc/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, pageShown, shownModalConfirm, snap } from '../support/browser';
import { solidPng, writeTempFile } from '../support/fixtures';
import { h5Dir } from '../support/paths';
import { startServer, type RunningServer } from '../support/server';

// Step 4 of the official flow, practised in the browser build: from a bound card, 充值 → amount →
// confirm → simulated cashier → the result page following the order by itself → balance, receipt
// and the SMS / e-mail receipt in the inbox. Then every other ending: insufficient funds, a closed
// sheet (cancel, then paid from 我的订单), a time-out after paying, and a 遠遊卡 paid by bank card
// with the one-time code from the inbox. The server runs its jobs fast so crediting takes seconds.
describe('top-up in the browser build', () => {
  let server: RunningServer;
  let staticDir: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  /** Idempotency-Key of every create call the app made, by path. */
  const createKeys: { path: string; key: string | undefined }[] = [];
  const shots = 'topup';

  const phone = '13900139000';
  const password = 'practice2026';
  const zgtNumber = generateCardNumber('zhonggangtong', '23456789012');
  const yyNumber = generateCardNumber('yuanyou', '34567890123');
  const photo = writeTempFile('topup-id-photo.png', solidPng(120, 80, [220, 230, 200]));

  beforeAll(async () => {
    // A copy of the h5 build: the pages load their chunks lazily, and a build started meanwhile
    // (another test run in the same checkout) must not swap them under a running test.
    staticDir = mkdtempSync(join(tmpdir(), 'cbc-topup-h5-'));
    cpSync(h5Dir, staticDir, { recursive: true });
    server = await startServer({
      STATIC_DIR: staticDir,
      CREDIT_DELAY_SECONDS: '2',
      PAYMENT_QUERY_AFTER_SECONDS: '2',
      JOB_INTERVAL_MS: '200',
      SIM_PROBE_RATE: '0',
    });
    // The account exists already (registering through the UI is the accounts test's job).
    const device = { [DEVICE_ID_HEADER]: 'e2e-topup-device-0001', 'content-type': 'application/json' };
    const sms = await fetch(`${server.baseUrl}/api/v1/auth/sms-code`, {
      method: 'POST',
      headers: device,
      body: JSON.stringify({ phone: { region: 'CN', number: phone }, purpose: 'register' }),
    });
    const smsCode = /(\d{6})/.exec(((await sms.json()) as { message: { body: string } }).message.body)?.[1];
    const registered = await fetch(`${server.baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: device,
      body: JSON.stringify({ phone: { region: 'CN', number: phone }, email: 'driver@example.com', password, smsCode }),
    });
    expect(registered.status).toBe(201);

    browser = await launchBrowser();
    page = await (await newPhoneContext(browser, 'zh-CN')).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'POST' && (path === '/api/v1/orders' || path === '/api/v1/cards')) {
        createKeys.push({ path, key: request.headers()['idempotency-key'] });
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  });

  const on = (name: string) => page.locator(`.js-page-${name}`).last();
  const visible = (name: string, timeout?: number) => pageShown(page, name, timeout);
  const input = (pageName: string, cls: string) => on(pageName).locator(`.${cls} input`).first();
  const confirmModal = async (shot?: string) => {
    const confirm = await shownModalConfirm(page);
    if (shot) await snap(page, shots, shot);
    await confirm.click();
  };
  const checked = (locator: Locator) => locator.getAttribute('aria-checked');
  /** Six digits on the cashier's own number pad. */
  const typePassword = async () => {
    for (const digit of '135790') await on('cashier').locator(`.js-key-${digit}`).click();
  };
  const resultView = () => on('topup-result').locator('.js-result').getAttribute('class');
  const waitForResult = (view: string, timeout = 30_000) =>
    expect.poll(resultView, { timeout }).toContain(`js-result-${view}`);
  /** 我的卡片, once its list (or its empty state) has loaded. */
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

  async function bindCard(type: 'zhonggangtong' | 'yuanyou', number: string, plate: string, idNumber: string) {
    await goToCards();
    await on('cards').locator('.js-add-card').last().click();
    await visible('card-add');
    const add = on('card-add');
    await add.locator(`.js-card-type-${type}`).click();
    await input('card-add', 'js-card-number-input').fill(number);
    await add.locator('.js-plate-region-mainland').first().click();
    await input('card-add', 'js-plate-input').fill(plate);
    await add.locator(type === 'yuanyou' ? '.js-id-type-hkid' : '.js-id-type-mainland_id').click();
    await input('card-add', 'js-id-number-input').fill(idNumber);
    const chooser = page.waitForEvent('filechooser');
    await add.locator('.js-choose-photo').click();
    await (await chooser).setFiles(photo);
    await expect.poll(() => add.locator('.js-photo-preview').isVisible()).toBe(true);
    await add.locator('.js-bind-submit').click();
    await visible('cards', 15_000);
    await expect.poll(() => on('cards').innerText(), { timeout: 15_000 }).toContain(number.slice(-4));
  }

  /** On 充值: a preset (and a method, else the one chosen), 下一步, then 立即支付 on the confirm page, to the cashier. */
  async function openCashierFor(preset: number, method?: string) {
    await on('topup-amount').locator(`.js-preset-${preset}`).click();
    if (method) await on('topup-amount').locator(`.js-method-${method}`).click();
    await on('topup-amount').locator('.js-topup-next').click();
    await visible('topup-confirm');
    await on('topup-confirm').locator('.js-confirm-pay').click();
    await visible('cashier');
  }

  /** From 我的卡片: 充值 on the card ending `last4`. */
  async function openTopupFor(last4: string) {
    await goToCards();
    const entry = on('cards').locator('.js-card-entry', { hasText: last4 });
    await entry.locator('.js-card-topup').click();
    await visible('topup-amount');
    await expect.poll(() => on('topup-amount').locator('.js-presets').isVisible()).toBe(true);
  }

  it('logs in and binds a 中港通卡 with its ID photo', async () => {
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    await on('me').locator('.js-me-login').click();
    await visible('login');
    await input('login', 'js-phone-input').fill(phone);
    await input('login', 'js-password-input').fill(password);
    await on('login').locator('.js-login-submit').click();
    await expect.poll(() => on('me').locator('.js-me-account').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await on('me').locator('.js-me-orders').isVisible()).toBe(true);

    await bindCard('zhonggangtong', zgtNumber, '粤Z2468港', generateMainlandId('440304', '19880808', '246'));
    await expect.poll(() => on('cards').locator('.js-card-verification').first().innerText()).toMatch(/已验证/);
    await snap(page, shots, '00-cards-with-topup');
  });

  it('offers 充值 on the home page and the card page', async () => {
    await page.goto(server.baseUrl + '/#/pages/home/index');
    await visible('home');
    const row = on('home').locator('.js-home-bound-card', { hasText: zgtNumber.slice(-4) });
    await expect.poll(() => row.locator('.js-card-topup').isVisible()).toBe(true);
    expect(await row.locator('.js-card-topup').getAttribute('role')).toBe('button');
    await snap(page, shots, '00b-home-topup-button');
    await on('home').locator('.js-practice').scrollIntoViewIfNeeded();
    expect(await on('home').locator('.js-practice-orders').isVisible()).toBe(true);
    await snap(page, shots, '00b2-home-practice');
    await row.locator('.js-card-topup').click();
    await visible('topup-amount');
    await page.goBack();
    await visible('home');

    await goToCards();
    await on('cards').locator('.js-card-item').first().click();
    await visible('card-detail');
    await expect.poll(() => on('card-detail').locator('.js-card-topup').isVisible()).toBe(true);
    await snap(page, shots, '00c-card-detail-topup');
  });

  it('chooses an amount with live checks, confirms, pays with WeChat Pay and sees it credited', async () => {
    await openTopupFor(zgtNumber.slice(-4));
    const amount = on('topup-amount');
    // One unit on its line: the groups are joined by no-break spaces.
    expect(await amount.locator('.js-topup-card-number').innerText()).toBe(
      `6288\u00a0****\u00a0****\u00a0${zgtNumber.slice(-4)}`,
    );
    expect(await amount.locator('.js-topup-balance').innerText()).toBe('¥0.00');
    expect(await amount.locator('.js-monthly-remaining').innerText()).toContain('¥10,000.00');
    await snap(page, shots, '01-amount');

    // The custom amount is checked as it is typed, with the server's own rules.
    const custom = input('topup-amount', 'js-custom-amount');
    await custom.fill('30');
    await expect.poll(() => amount.locator('.js-field-error-amount').innerText()).toBe('单笔至少 ¥50');
    await custom.fill('120.5');
    await expect.poll(() => amount.locator('.js-field-error-amount').innerText()).toMatch(/整数/);
    await custom.fill('6000');
    await expect.poll(() => amount.locator('.js-field-error-amount').innerText()).toBe('单笔最多 ¥5,000');
    const next = amount.locator('.js-topup-next');
    expect(await next.getAttribute('class')).toMatch(/disabled/);
    // Said to assistive tech too, and out of the tab order until an amount is valid (NutUI tells neither).
    expect([await next.getAttribute('aria-disabled'), await next.getAttribute('tabindex')]).toEqual(['true', '-1']);
    await snap(page, shots, '01b-amount-custom-error');

    await amount.locator('.js-preset-200').click();
    expect(await checked(amount.locator('.js-preset-200'))).toBe('true');
    await expect.poll(() => amount.locator('.js-field-error-amount').count()).toBe(0);
    expect(await checked(amount.locator('.js-method-wechatpay'))).toBe('true');
    expect(await checked(amount.locator('.js-method-alipay'))).toBe('false');
    expect(await amount.locator('.js-pay-bar-total').innerText()).toContain('¥200.00');
    await expect
      .poll(async () => [await next.getAttribute('aria-disabled'), await next.getAttribute('tabindex')])
      .toEqual(['false', '0']);
    await snap(page, shots, '01c-amount-chosen');

    await amount.locator('.js-topup-next').click();
    await visible('topup-confirm');
    const confirm = on('topup-confirm');
    await expect.poll(() => confirm.locator('.js-confirm-total').isVisible()).toBe(true);
    expect(await confirm.locator('.js-confirm-amount').innerText()).toBe('¥200.00');
    expect(await confirm.locator('.js-confirm-bonus').innerText()).toBe('¥0.00');
    expect(await confirm.locator('.js-confirm-total').innerText()).toBe('¥200.00');
    expect(await confirm.locator('.js-confirm-method').innerText()).toBe('微信支付');
    expect(await confirm.innerText()).toMatch(/模拟/);
    await snap(page, shots, '02-confirm');

    await confirm.locator('.js-confirm-pay').click();
    await visible('cashier');
    const sheet = on('cashier').locator('.js-cashier-sheet');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.locator('.js-cashier-stripe').innerText()).toMatch(/模拟/);
    expect(await sheet.locator('.js-cashier-amount').innerText()).toBe('¥200.00');
    expect(await checked(sheet.locator('.js-practice-switch'))).toBe('false');
    await snap(page, shots, '03-cashier-wechatpay');
    await on('cashier').locator('.js-key-1').click();
    await on('cashier').locator('.js-key-2').click();
    await snap(page, shots, '03b-cashier-wechatpay-typing');
    await on('cashier').locator('.js-key-delete').click();
    await on('cashier').locator('.js-key-delete').click();
    await typePassword();

    await visible('topup-result');
    // It moves by itself: processing or paid first (crediting takes 2 s here), then credited.
    await expect.poll(resultView, { timeout: 10_000 }).toMatch(/js-result-(processing|paid|credited)/);
    if (!(await resultView())?.includes('credited')) {
      expect(await on('topup-result').locator('.js-dont-pay-again').isVisible()).toBe(true);
      await snap(page, shots, '04-result-in-progress');
    }
    await waitForResult('credited');
    const result = on('topup-result');
    expect(await result.locator('.js-result-title').innerText()).toBe('到账成功');
    await expect.poll(() => result.locator('.js-new-balance-amount').innerText()).toBe('¥200.00');
    expect(await result.locator('.js-receipt-total').innerText()).toBe('¥200.00');
    expect(await result.locator('.js-receipt-no').innerText()).not.toBe('');
    expect(await result.locator('.js-receipt-transaction-id').innerText()).not.toBe('');
    expect(await result.locator('.js-dont-pay-again').count()).toBe(0);
    // The steps name what happened, each ticked: not a state the order has left.
    expect(await result.locator('.js-steps .steps__label').allInnerTexts()).toEqual([
      '提交支付',
      '支付成功',
      '到账成功',
    ]);
    expect(await result.locator('.js-steps .steps__check').count()).toBe(3);
    expect(await result.locator('.js-steps .is-latest .steps__label').innerText()).toBe('到账成功');
    await snap(page, shots, '05-result-credited');
    await result.locator('.js-receipt').scrollIntoViewIfNeeded();
    await snap(page, shots, '05b-result-receipt');
  });

  it('finds the SMS and the e-mail receipt in the inbox', async () => {
    await on('topup-result').locator('.js-open-messages').click();
    await visible('messages');
    await expect.poll(() => on('messages').innerText()).toContain('充值到账短信');
    const text = await on('messages').innerText();
    expect(text).toMatch(/电子收据：充值 ¥200\.00 已到账/);
    expect(text).toMatch(/商户订单号/);
    // The e-mail receipt shows each field on its own line, as it was written.
    const receipt = on('messages').locator('.js-message-body').filter({ hasText: '商户订单号' }).first();
    expect((await receipt.innerText()).split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThanOrEqual(
      10,
    );
    await snap(page, shots, '06-inbox-receipts');
    await page.goBack();
    await visible('topup-result');
    await on('topup-result').locator('.js-result-done').click();
    await visible('cards');
    await expect.poll(() => on('cards').locator('.js-card-balance').first().innerText()).toBe('¥200.00');
  });

  it('practises insufficient funds with Alipay and is offered another method', async () => {
    await openTopupFor(zgtNumber.slice(-4));
    const amount = on('topup-amount');
    await amount.locator('.js-preset-100').click();
    await amount.locator('.js-method-alipay').click();
    expect(await checked(amount.locator('.js-method-alipay'))).toBe('true');
    await amount.locator('.js-topup-next').click();
    await visible('topup-confirm');
    await expect.poll(() => on('topup-confirm').locator('.js-confirm-method').innerText()).toBe('支付宝');
    await on('topup-confirm').locator('.js-confirm-pay').click();

    await visible('cashier');
    const sheet = on('cashier').locator('.js-cashier-alipay');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    await sheet.locator('.js-practice-switch').click();
    expect(await checked(sheet.locator('.js-practice-switch'))).toBe('true');
    await sheet.locator('.js-outcome-insufficient_funds').click();
    expect(await checked(sheet.locator('.js-outcome-insufficient_funds'))).toBe('true');
    expect(await checked(sheet.locator('.js-outcome-success'))).toBe('false');
    await snap(page, shots, '07-cashier-alipay-practice');
    await sheet.locator('.js-alipay-pay-now').click();
    await expect.poll(() => sheet.locator('.js-password-boxes').isVisible()).toBe(true);
    await snap(page, shots, '07b-cashier-alipay-password');
    await typePassword();
    await expect.poll(() => on('cashier').locator('.js-cashier-status-fail').isVisible()).toBe(true);
    // Whose balance: the paying account's, not the card's (the app calls the card's money 余额 too).
    expect(await on('cashier').locator('.js-cashier-status-fail').innerText()).toContain('付款账户余额不足');
    await snap(page, shots, '07c-cashier-declined');

    await visible('topup-result');
    await waitForResult('failed', 10_000);
    const result = on('topup-result');
    expect(await result.locator('.js-result-text').innerText()).toMatch(/余额不足.*换一种支付方式/s);
    // The order's total did not reach the card, and its row says so rather than 到账金额.
    const rows = await result.locator('.result-rows').innerText();
    expect(rows).toMatch(/未到账金额\s+¥100\.00/);
    expect(rows).not.toMatch(/(^|\n)到账金额/);
    await snap(page, shots, '08-result-insufficient-funds');
    await result.locator('.js-topup-again').click();
    // Back on the amount page, the amount still chosen: pick another method.
    await visible('topup-amount');
    expect(await checked(on('topup-amount').locator('.js-preset-100'))).toBe('true');
  });

  it('closes the sheet (a cancel), cancels that order, then pays another one from 我的订单', async () => {
    await openCashierFor(300, 'wechatpay');
    await on('cashier').locator('.js-cashier-close').click();

    await visible('topup-result');
    await waitForResult('unpaid', 10_000);
    const result = on('topup-result');
    expect(await result.locator('.js-result-title').innerText()).toBe('支付已取消');
    expect(await result.locator('.js-continue-pay').isVisible()).toBe(true);
    await snap(page, shots, '09-result-cancelled');
    await result.locator('.js-cancel-order').click();
    await confirmModal('09b-cancel-order-confirm');
    await waitForResult('closed', 10_000);
    expect(await result.locator('.js-result-title').innerText()).toBe('订单已取消');
    await snap(page, shots, '09c-result-closed');

    // A second one, also left unpaid at the cashier…
    await result.locator('.js-topup-again').click();
    await visible('topup-amount');
    await openCashierFor(300);
    await on('cashier').locator('.js-practice-switch').click();
    await on('cashier').locator('.js-outcome-cancel').click();
    await typePassword();
    await visible('topup-result');
    await waitForResult('unpaid', 10_000);

    // Back on 充值 for that card, the order waiting for payment comes first, before a second is made.
    await openTopupFor(zgtNumber.slice(-4));
    const waiting = on('topup-amount').locator('.js-unpaid-orders');
    await expect.poll(() => waiting.locator('.js-order').count()).toBe(1);
    expect(await waiting.locator('.unpaid-orders__title').innerText()).toBe('这张卡有 1 笔待支付订单');
    expect(await waiting.locator('.js-order-amount').innerText()).toBe('¥300.00');
    expect(await waiting.locator('.js-order-pay').isVisible()).toBe(true);
    await snap(page, shots, '09d-amount-with-unpaid-order');

    // …is paid later from 我的订单, which says on 我的 that an order waits.
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    await expect.poll(() => on('me').locator('.js-me-orders-unpaid').textContent()).toBe('1 笔待支付');
    await snap(page, shots, '09e-me-with-unpaid-order');
    await on('me').locator('.js-me-orders').click();
    await visible('orders');
    const unpaid = on('orders').locator('.js-order', { has: page.locator('.js-order-pay') });
    await expect.poll(() => unpaid.count()).toBe(1);
    expect(await unpaid.locator('.js-order-amount').innerText()).toBe('¥300.00');
    expect(await on('orders').locator('.js-order-state-closed').count()).toBe(1);
    // Named as its result page named it, not by the state alone.
    expect(await on('orders').locator('.js-order-state-closed').innerText()).toBe('已取消');
    expect(await on('orders').locator('.js-order-state-failed').count()).toBe(1);
    await snap(page, shots, '10-orders-with-unpaid');
    await unpaid.locator('.js-order-pay').click();
    await visible('cashier');
    await typePassword();
    await visible('topup-result');
    await waitForResult('credited');
    await expect.poll(() => on('topup-result').locator('.js-new-balance-amount').innerText()).toBe('¥500.00');
    await on('topup-result').locator('.js-result-done').click();
    await visible('orders');
    await expect.poll(() => on('orders').locator('.js-order-pay').count()).toBe(0);
    await expect.poll(() => on('orders').locator('.js-order-state-credited').count()).toBe(2);
    // Paid, it no longer waits on 充值.
    await openTopupFor(zgtNumber.slice(-4));
    expect(await on('topup-amount').locator('.js-unpaid-orders').count()).toBe(0);
    // Nor on 我的, once its fresh list is in (the saved one from before still holds the order).
    const unpaidListed = page.waitForResponse((reply) => {
      const url = new URL(reply.url());
      return url.pathname === '/api/v1/orders' && url.searchParams.get('state') === 'unpaid';
    });
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    expect((await unpaidListed).status()).toBe(200);
    await expect.poll(() => on('me').locator('.js-me-orders-unpaid').count()).toBe(0);
    await page.goto(server.baseUrl + '/#/packages/topup/pages/orders/index');
    await visible('orders');
  });

  it('shows an order with all its numbers and its receipt', async () => {
    await on('orders')
      .locator('.js-order', { has: page.locator('.js-order-state-credited') })
      .first()
      .locator('.js-open-order')
      .click();
    await visible('order');
    const order = on('order');
    await expect.poll(() => order.locator('.js-receipt').isVisible()).toBe(true);
    const text = await order.innerText();
    for (const label of ['商户订单号', '交易单号', '收据号', '下单时间', '支付时间', '到账时间'])
      expect(text).toContain(label);
    const outTradeNo = await order.locator('.js-order-out-trade-no').innerText();
    expect(outTradeNo).toBe(await order.locator('.js-receipt-out-trade-no').innerText());
    // Shown in groups of four that a line breaks between, yet read (and copied) as the bare number.
    expect(outTradeNo).toMatch(/^CB\d{20,}$/);
    expect(await order.locator('.js-order-out-trade-no .copy-row__group').allInnerTexts()).toEqual(
      outTradeNo.match(/.{1,4}/g),
    );
    expect(await order.locator('.js-copy').first().getAttribute('role')).toBe('button');
    await snap(page, shots, '11-order-detail');
    await order.locator('.js-receipt').scrollIntoViewIfNeeded();
    await snap(page, shots, '11b-order-receipt');

    // The cashier of an order paid long ago (a tab kept open, a link shared): it says the payment has
    // ended and why, and leads to the order; there is nothing to retry.
    const orderId = new URL(page.url().replace('#/', '')).searchParams.get('id');
    await page.goto(`${server.baseUrl}/#/packages/topup/pages/cashier/index?orderId=${orderId}`);
    await visible('cashier');
    const ended = on('cashier').locator('.js-error');
    await expect
      .poll(() => ended.innerText())
      .toMatch(/这次支付已结束\n这笔订单当前无法支付（已到账）。请到订单里查看结果，无需再次支付。/);
    expect(await ended.locator('.js-retry').count()).toBe(0);
    await snap(page, shots, '11c-cashier-of-credited-order');
    await ended.locator('.js-open-order').click();
    await visible('order');
    await expect.poll(() => on('order').locator('.js-receipt').isVisible()).toBe(true);

    // A confirmation link cut short, opened on its own (nothing below to go back to): leads to the cards.
    await page.goto(`${server.baseUrl}/#/packages/topup/pages/confirm/index?cardId=6288`);
    await page.reload();
    await visible('topup-confirm');
    const broken = on('topup-confirm').locator('.js-error');
    await expect.poll(() => broken.innerText()).toMatch(/链接不完整\n请返回重新选择金额/);
    await broken.locator('.js-back').click();
    await visible('cards');
  });

  it('after a time-out says not to pay again, then finds the payment and credits it', async () => {
    await openTopupFor(zgtNumber.slice(-4));
    await openCashierFor(500);
    await on('cashier').locator('.js-practice-switch').click();
    await on('cashier').locator('.js-outcome-timeout').click();
    await snap(page, shots, '12-cashier-practice-timeout');
    await typePassword();
    await expect.poll(() => on('cashier').locator('.js-cashier-status-timeout').isVisible()).toBe(true);

    await visible('topup-result');
    await expect.poll(resultView, { timeout: 10_000 }).toMatch(/js-result-(processing|paid|credited)/);
    const result = on('topup-result');
    if ((await resultView())?.includes('processing')) {
      expect(await result.locator('.js-result-text').innerText()).toMatch(/超时/);
      expect(await result.locator('.js-dont-pay-again').innerText()).toMatch(/请勿重复支付/);
      await snap(page, shots, '13-result-timeout-processing');
    }
    await waitForResult('credited', 40_000);
    await expect.poll(() => result.locator('.js-new-balance-amount').innerText()).toBe('¥1,000.00');
    await snap(page, shots, '13b-result-timeout-credited');
  });

  it('tops up a 遠遊卡 by bank card with the one-time code from the inbox, with the promotion bonus', async () => {
    await bindCard('yuanyou', yyNumber, '粤Z1357澳', generateHkid('A', '654321'));
    await openTopupFor(yyNumber.slice(-4));
    const amount = on('topup-amount');
    expect(await amount.locator('.js-topup-balance').innerText()).toBe('HK$0.00');
    // The winter promotion of the simulation runs from 15 Nov 2026 to the end of Feb 2027.
    await expect.poll(() => amount.locator('.js-promotion').isVisible()).toBe(true);
    expect(await amount.locator('.js-promotion-until').innerText()).toContain('2027年2月28日');
    expect(await amount.locator('.js-preset-1000 .js-preset-bonus').innerText()).toBe('送 HK$50');
    expect(await amount.locator('.js-methods').innerText()).toMatch(/银联卡[\s\S]*信用卡/);
    await snap(page, shots, '14-amount-yuanyou-promotion');
    await amount.locator('.js-preset-1000').click();
    await amount.locator('.js-method-unionpay').click();
    await amount.locator('.js-topup-next').click();

    await visible('topup-confirm');
    const confirm = on('topup-confirm');
    await expect.poll(() => confirm.locator('.js-confirm-bonus').innerText()).toBe('HK$50.00');
    expect(await confirm.locator('.js-confirm-total').innerText()).toBe('HK$1,050.00');
    await snap(page, shots, '15-confirm-yuanyou');
    await confirm.locator('.js-confirm-pay').click();

    await visible('cashier');
    const sheet = on('cashier').locator('.js-cashier-unionpay');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await sheet.locator('.js-payer-card').innerText()).toMatch(/\*{4}/);
    await snap(page, shots, '16-cashier-bank-card');
    await sheet.locator('.js-send-otp').click();
    await expect.poll(() => sheet.locator('.js-otp-sent').isVisible()).toBe(true);
    const banner = page.locator('.js-sms-banner').last();
    await expect.poll(() => banner.isVisible()).toBe(true);
    await snap(page, shots, '16b-cashier-bank-code-sent');

    // The code is read where a driver would read it: the (simulated) SMS in the inbox.
    await banner.click();
    await visible('messages');
    const codeMessage = on('messages').locator('.js-message-body', { hasText: '验证码' }).first();
    await expect.poll(() => codeMessage.innerText()).toMatch(/模拟银行短信/);
    const code = /验证码 ?(\d{6})/.exec(await codeMessage.innerText())?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await page.goBack();
    await visible('cashier');
    await input('cashier', 'js-otp-input').fill(code!);
    await sheet.locator('.js-cashier-confirm').click();

    await visible('topup-result');
    await waitForResult('credited');
    const result = on('topup-result');
    await expect.poll(() => result.locator('.js-new-balance-amount').innerText()).toBe('HK$1,050.00');
    expect(await result.locator('.js-receipt-total').innerText()).toBe('HK$1,050.00');
    await snap(page, shots, '17-result-yuanyou-credited');
  });

  it('sends one Idempotency-Key per confirm visit, the same one again after a lost reply, and aborts a call that times out', async () => {
    await openTopupFor(zgtNumber.slice(-4));
    await on('topup-amount').locator('.js-preset-100').click();
    await on('topup-amount').locator('.js-topup-next').click();
    await visible('topup-confirm');
    const before = createKeys.length;
    // The first press never reaches the server…
    await page.route('**/api/v1/orders?**', (route) =>
      route.request().method() === 'POST' ? route.abort('connectionreset') : route.fallback(),
    );
    await on('topup-confirm').locator('.js-confirm-pay').click();
    await expect.poll(() => on('topup-confirm').locator('.js-form-error').isVisible()).toBe(true);
    // …and a server newer than the app answers the second with a code this version does not know.
    await page.unroute('**/api/v1/orders?**');
    await page.route('**/api/v1/orders?**', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'TOPUP_PAUSED_FOR_MAINTENANCE', message: '充值维护中（测试）' } }),
          })
        : route.fallback(),
    );
    await on('topup-confirm').locator('.js-confirm-pay').click();
    await expect.poll(() => on('topup-confirm').locator('.js-form-error').innerText()).toContain('充值维护中（测试）');
    await snap(page, shots, '18-confirm-unknown-error-code');
    await page.unroute('**/api/v1/orders?**');

    // …and the third gets no answer at all: after 10 s the app gives up, aborts the call and says so.
    const aborted: string[] = [];
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/orders') aborted.push(request.failure()?.errorText ?? '');
    });
    await page.route('**/api/v1/orders?**', (route) =>
      route.request().method() === 'POST' ? undefined : route.fallback(),
    );
    await on('topup-confirm').locator('.js-confirm-pay').click();
    await expect
      .poll(() => on('topup-confirm').locator('.js-form-error').innerText(), { timeout: 20_000 })
      .toContain('请求超时');
    await expect.poll(() => aborted).toEqual([expect.stringMatching(/ABORTED/)]);
    await page.unroute('**/api/v1/orders?**');

    const keys = createKeys.slice(before).map((entry) => entry.key);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    // Every create call carried a key: both card bindings and every order.
    expect(createKeys.filter((entry) => entry.path === '/api/v1/cards')).toHaveLength(2);
    for (const entry of createKeys) expect(entry.key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('shows a message of a kind it does not know with a generic label instead of failing the inbox', async () => {
    await page.route('**/api/v1/messages?**', async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      const list = (await response.json()) as { messages: Record<string, unknown>[] };
      const first = list.messages[0] ?? {};
      list.messages.unshift({
        ...first,
        id: 'from-a-newer-server',
        kind: 'loyalty_points',
        channel: 'push',
        title: '积分到账（新消息类型）',
        body: '新版本服务器发来的一种消息',
        createdAt: new Date().toISOString(),
        readAt: null,
      });
      return route.fulfill({ response, json: list });
    });
    await page.goto(server.baseUrl + '/#/packages/messages/pages/inbox/index');
    await visible('messages');
    await expect.poll(() => on('messages').innerText()).toContain('新版本服务器发来的一种消息');
    expect(await on('messages').locator('.js-error').count()).toBe(0);
    await page.unroute('**/api/v1/messages?**');
  });

  it('lists every order in 我的订单 with state, amount, card and time', async () => {
    await page.goto(server.baseUrl + '/#/packages/topup/pages/orders/index');
    await visible('orders');
    await expect.poll(() => on('orders').locator('.js-order').count()).toBeGreaterThanOrEqual(6);
    const text = await on('orders').innerText();
    expect(text).toMatch(/远游卡/);
    expect(text).toMatch(/HK\$1,000\.00/);
    await snap(page, shots, '19-orders');
  });

  it('reads well in English: the amount page, the cashier sheet and an unpaid result', async () => {
    // The language the user chose in settings, as Taro's storage keeps it; read when the app starts.
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'en' })));
    await page.reload();
    await openTopupFor(yyNumber.slice(-4));
    const amount = on('topup-amount');
    await expect.poll(() => amount.locator('.js-promotion').innerText()).toMatch(/Winter top-up bonus/);
    await amount.locator('.js-preset-2000').click();
    await amount.locator('.js-method-credit_card').click();
    await snap(page, shots, '20-en-amount');
    await amount.locator('.js-topup-next').click();
    await visible('topup-confirm');
    await expect.poll(() => on('topup-confirm').locator('.js-confirm-total').innerText()).toBe('HK$2,120.00');
    await on('topup-confirm').locator('.js-confirm-pay').click();
    await visible('cashier');
    await on('cashier').locator('.js-practice-switch').click();
    expect(await on('cashier').locator('.js-cashier-stripe').innerText()).toMatch(/Simulation/);
    await snap(page, shots, '21-en-cashier-credit-card');
    await on('cashier').locator('.js-cashier-close').click();
    await visible('topup-result');
    await waitForResult('unpaid', 10_000);
    expect(await on('topup-result').locator('.js-result-title').innerText()).toBe('Payment cancelled');
    await snap(page, shots, '22-en-result-unpaid');
    // Back on Top up, the unpaid order is there to pay or cancel; cancelled, it goes, and the month's
    // limit no longer counts it.
    await openTopupFor(yyNumber.slice(-4));
    const remaining = () => on('topup-amount').locator('.js-monthly-remaining').innerText();
    const before = await remaining();
    const waiting = on('topup-amount').locator('.js-unpaid-orders');
    await expect.poll(() => waiting.locator('.js-order').count()).toBe(1);
    expect(await waiting.locator('.unpaid-orders__title').innerText()).toBe('This card has an unpaid order');
    expect(await waiting.locator('.js-order-amount').innerText()).toBe('HK$2,000.00');
    await snap(page, shots, '23-en-amount-with-unpaid-order');

    // A second one left at the cashier: the newer is shown, with the count and the way to both.
    await openCashierFor(500, 'credit_card');
    await on('cashier').locator('.js-cashier-close').click();
    await visible('topup-result');
    await waitForResult('unpaid', 10_000);
    await openTopupFor(yyNumber.slice(-4));
    await expect
      .poll(() => waiting.locator('.js-unpaid-orders-title').innerText())
      .toBe('This card has 2 unpaid orders');
    expect(await waiting.locator('.js-order').count()).toBe(1);
    expect(await waiting.locator('.js-order-amount').innerText()).toBe('HK$500.00');
    await snap(page, shots, '23b-en-amount-with-two-unpaid-orders');
    await waiting.locator('.js-unpaid-orders-all').click();
    await visible('orders');
    await expect.poll(() => on('orders').locator('.js-order-pay').count()).toBe(2);

    // Both cancelled from Top up, the newer first: then the notice goes, and the limit is freed.
    await openTopupFor(yyNumber.slice(-4));
    await waiting.locator('.js-order-cancel').click();
    await confirmModal();
    await expect.poll(() => waiting.locator('.js-order-amount').innerText()).toBe('HK$2,000.00');
    expect(await waiting.locator('.js-unpaid-orders-title').innerText()).toBe('This card has an unpaid order');
    await waiting.locator('.js-order-cancel').click();
    await confirmModal();
    await expect.poll(() => on('topup-amount').locator('.js-unpaid-orders').count()).toBe(0);
    await expect.poll(remaining).not.toBe(before);
    await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'zh-Hans' })));
  });

  it('raised no script error on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
