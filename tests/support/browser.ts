import { mkdirSync } from 'node:fs';
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

/** Saves a full-viewport screenshot under tests/screenshots/<folder>/<name>.png. */
export async function snap(page: Page, folder: string, name: string): Promise<string> {
  const dir = join(screenshotDir, folder);
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
