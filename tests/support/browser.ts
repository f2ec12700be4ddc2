import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
