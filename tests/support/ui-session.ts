// The app's own session, as a person in the browser makes and ends it. Apart from the API helpers in
// ./accounts, which the bench's load generator imports: these pull in Playwright and vitest.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { shownModalConfirm } from './browser';

/**
 * The session token of the app logged in on `page`, as it keeps it (Taro's h5 storage: the value as
 * JSON under `data`, an object or its JSON text); '' when logged out.
 */
export async function appSessionToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('cbc.session.v1') ?? '{}') as {
      data?: { token?: string } | string;
    };
    const session = typeof stored.data === 'string' ? (JSON.parse(stored.data) as { token?: string }) : stored.data;
    return session?.token ?? '';
  });
}

const onPage = (page: Page, name: string) => page.locator(`.js-page-${name}`).last();

/** 我的 → 登录, phone and password typed, until 我的 shows the account (the app's own login). */
export async function logInThroughUi(page: Page, baseUrl: string, phone: string, password: string): Promise<void> {
  await page.goto(baseUrl + '/#/pages/me/index');
  await expect.poll(() => onPage(page, 'me').isVisible(), { timeout: 10_000 }).toBe(true);
  await onPage(page, 'me').locator('.js-me-login').click();
  const login = onPage(page, 'login');
  await expect.poll(() => login.isVisible(), { timeout: 10_000 }).toBe(true);
  await login.locator('.js-phone-input input').fill(phone);
  await login.locator('.js-password-input input').fill(password);
  await login.locator('.js-login-submit').click();
  await expect.poll(() => onPage(page, 'me').locator('.js-me-account').isVisible(), { timeout: 15_000 }).toBe(true);
}

/** 退出登录 on 我的, confirmed in the modal, until 我的 offers 登录 again. */
export async function logOutThroughUi(page: Page): Promise<void> {
  const me = onPage(page, 'me');
  await me.locator('.js-logout').click();
  await (await shownModalConfirm(page)).click();
  await expect.poll(() => me.locator('.js-me-login').isVisible()).toBe(true);
}
