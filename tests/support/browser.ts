import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotDir } from './paths';

// Debian's Chromium, never a downloaded one; these flags keep it from reaching for the network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE_VIEWPORT = { width: 375, height: 812 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function newPhoneContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2, locale, isMobile: true, hasTouch: true });
}

// Folders this test file has written to. Each folder belongs to one test file, which empties it at its
// first picture: a picture renumbered or dropped since the last run would otherwise be reviewed as current.
const foldersStarted = new Set<string>();

/** Saves a full-viewport screenshot under tests/screenshots/<folder>/<name>.png. */
export async function snap(page: Page, folder: string, name: string): Promise<string> {
  const dir = join(screenshotDir, folder);
  if (!foldersStarted.has(folder)) {
    foldersStarted.add(folder);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  // Sheets and overlays slide and fade: wait until every CSS animation and transition has finished.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await page.screenshot({ path: file });
  return file;
}

/**
 * The confirm button of Taro's h5 modal (Taro.showModal), once the dialog is fully shown: Taro starts its
 * 0.2 s fade-in from a timer after the dialog is already "visible", so a screenshot taken at once showed a
 * ghost of it over the page.
 */
export async function shownModalConfirm(page: Page): Promise<Locator> {
  const modal = page.locator('.taro__modal').last();
  const confirm = modal.locator('.taro-model__confirm');
  await expect.poll(() => confirm.isVisible()).toBe(true);
  await expect.poll(() => modal.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
  return confirm;
}

/**
 * Every Taro page in the document but one is hidden (`taro_page_shade`). Taro's h5 router hides the
 * page a navigation leaves on a timer, even without animation (0 ms), and showing that page again does
 * not cancel the timer: a Back handled before the timer ran (a test under load got there) shows the page,
 * then the timer hides it, leaving no page shown. A person cannot press Back that fast.
 */
const othersHidden = (page: Page) =>
  page
    .locator('.taro_page')
    .evaluateAll((elements) => elements.filter((element) => !element.classList.contains('taro_page_shade')).length);

/**
 * Waits until the app shows the page whose root carries `js-page-<name>` (the newest such page: Taro
 * keeps earlier ones hidden in its stack) and has finished hiding the one it left. When it never does,
 * the failure names the URL and every page in the document with whether it shows, which a bare
 * "expected false to be true" does not.
 */
export async function pageShown(page: Page, name: string, timeout = 10_000): Promise<void> {
  const target = page.locator(`.js-page-${name}`).last();
  try {
    await expect.poll(() => target.isVisible(), { timeout }).toBe(true);
    await expect.poll(() => othersHidden(page), { timeout }).toBe(1);
  } catch (error) {
    const pages = await page
      .locator('.taro_page')
      .evaluateAll((elements) =>
        elements.map((element) => {
          const pageClass = /js-page-[\w-]+/.exec(element.innerHTML)?.[0] ?? '(none)';
          const shows = (element as HTMLElement).offsetParent !== null || getComputedStyle(element).display !== 'none';
          return `${pageClass}${shows ? ' (shown)' : ''}`;
        }),
      )
      .catch(() => ['(could not list pages)']);
    throw new Error(`page "${name}" not shown within ${timeout} ms at ${page.url()}; pages: ${pages.join(', ')}`, {
      cause: error,
    });
  }
}

/**
 * A row of parts (the app's `Joined`) as the eye reads it, "·" between the parts: the separators are
 * drawn by CSS, so the text itself holds only the parts.
 */
export async function shownParts(row: Locator): Promise<string> {
  return (await row.locator('.joined__part').allInnerTexts()).join(' · ');
}
