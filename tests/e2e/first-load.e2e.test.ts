import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCardNumber, uiMessages } from '@cbc/shared';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindVerifiedCardThroughApi, registerThroughApi } from '../support/accounts';
import { launchBrowser, newPhoneContext, snap } from '../support/browser';
import { h5Dir, screenshotDir } from '../support/paths';
import { startServer, type RunningServer } from '../support/server';

// The first load of the h5 build as the real server sends it (issue 8): compressed, cached by content
// hash, a real title, description and favicon, zoom allowed, no console error (the tab bar's
// javascript: links used to trip the CSP on every tap), and guides that do not jump while loading.
describe('first load of the browser build', () => {
  let server: RunningServer;
  let staticDir: string;
  let browser: Browser;
  const shots = 'first-load';

  beforeAll(async () => {
    // A copy: a build started meanwhile in the same checkout must not swap files under the test.
    staticDir = mkdtempSync(join(tmpdir(), 'cbc-first-load-h5-'));
    cpSync(h5Dir, staticDir, { recursive: true });
    server = await startServer({ STATIC_DIR: staticDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  });

  it('serves index.html revalidated, with the title, a description and zoom allowed', async () => {
    const reply = await fetch(`${server.baseUrl}/`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-cache');
    const html = await reply.text();
    expect(html).toContain(`<title>${uiMessages['zh-Hans']['app.name']}</title>`);
    expect(html).toContain(`content="${uiMessages['zh-Hans']['app.description']}"`);
    expect(html).not.toMatch(/user-scalable\s*=\s*no|maximum-scale/i);
  });

  it('sends every script and stylesheet of the page brotli-compressed and cached for a year', async () => {
    const html = await (await fetch(`${server.baseUrl}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/(?:js|css)\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const reply = await fetch(server.baseUrl + asset, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(reply.status, asset).toBe(200);
      expect(reply.headers.get('content-encoding'), asset).toBe('br');
      expect(reply.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
      expect((await reply.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    const gzip = await fetch(server.baseUrl + assets[0]!, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
  });

  it('has a favicon', async () => {
    const reply = await fetch(`${server.baseUrl}/favicon.ico`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/icon/);
  });

  describe('in the browser', () => {
    let context: BrowserContext;
    let page: Page;
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      context = await newPhoneContext(browser, 'zh-CN');
      page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The browser reports every refused javascript: URL as a securitypolicyviolation event too.
      await page.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = violations;
        document.addEventListener('securitypolicyviolation', (event) =>
          violations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      });
    });

    afterAll(() => context?.close());

    const tabs = () => page.locator('.taro-tabbar__tabbar .weui-tabbar__item');

    it('switches tabs without a CSP error or any console error', async () => {
      await page.goto(`${server.baseUrl}/`);
      await expect.poll(() => page.locator('.js-page-home').isVisible()).toBe(true);
      expect(await tabs().count()).toBe(4);
      // The tab icons are hashed files (cached for a year) or inlined as data: URLs.
      for (const src of await tabs()
        .locator('img')
        .evaluateAll((images) => images.map((i) => i.getAttribute('src')))) {
        expect(src).toMatch(/^data:image\/png|\/static\/images\/[\w-]+\.[0-9a-f]{8}\.png$/);
      }
      // Each tab is still a link, so it takes keyboard focus; its javascript: URL is never followed.
      for (const [index, name] of [
        [1, 'guides'],
        [3, 'me'],
        [2, 'history'],
        [0, 'home'],
      ] as const) {
        await tabs().nth(index).click();
        await expect.poll(() => page.locator(`.js-page-${name}`).last().isVisible()).toBe(true);
      }
      await tabs().nth(1).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.js-page-guides').last().isVisible()).toBe(true);
      await snap(page, shots, '01-guides-after-tab-taps');
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });

  it('holds the guides in place while they load: skeletons the size of the entries', async () => {
    const context = await newPhoneContext(browser, 'zh-CN');
    const page = await context.newPage();
    // Held until the skeletons have been measured, then let through: no timing involved.
    const held: Route[] = [];
    await page.route(/\/api\/v1\/(guides|channels)\?/, (route) => void held.push(route));
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    try {
      await page.goto(`${server.baseUrl}/#/pages/guides/index?card=zhonggangtong`);
      const guides = page.locator('.js-page-guides');
      await expect.poll(() => held.length >= 2).toBe(true);
      await expect.poll(() => guides.locator('.js-loading').count()).toBe(4);
      // One placeholder per entry that will come: the online guide, the offline guide, three channels, the tips.
      expect(await guides.locator('.js-loading .entry').count()).toBe(6);
      // Not snap(): it waits for animations to end, and the skeletons pulse until the replies come.
      mkdirSync(join(screenshotDir, shots), { recursive: true });
      await page.screenshot({ path: join(screenshotDir, shots, '02-guides-loading.png') });
      const top = (selector: string) =>
        guides.locator(selector).evaluate((element) => element.getBoundingClientRect().top);
      const before = { offline: await top('.js-section-offline'), tips: await top('.js-section-tips') };

      for (const route of held) await route.continue();
      await expect.poll(() => guides.locator('.js-channel-entry').count()).toBe(3);
      await expect.poll(() => guides.locator('.js-loading').count()).toBe(0);
      await snap(page, shots, '03-guides-loaded');
      const after = { offline: await top('.js-section-offline'), tips: await top('.js-section-tips') };
      // Before the skeletons matched, the offline section jumped by about 160 px and the tips by several hundred.
      expect(Math.abs(after.offline - before.offline)).toBeLessThan(40);
      expect(Math.abs(after.tips - before.tips)).toBeLessThan(120);
      const cls = await page.evaluate(() =>
        (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0),
      );
      expect(cls).toBeLessThan(0.1);
    } finally {
      await context.close();
    }
  });
  /**
   * Opens `route` with the entry's scripts held back, and returns the API calls (path and query, with the
   * Authorization header sent) made before they were let through, then every API call of the load.
   */
  async function loadWithEntryHeld(page: Page, route: string, ready: string) {
    const calls: { url: string; authorization: string | undefined }[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) {
        calls.push({ url: url.pathname + url.search, authorization: request.headers().authorization });
      }
    });
    // Whether a loading placeholder was ever on screen (the page first rendered without its data).
    await page.addInitScript(() => {
      const seen = { placeholder: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (document.querySelector('.js-loading, .js-history-chart-placeholder, .js-chart-loading')) {
          seen.placeholder = true;
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const held: Route[] = [];
    await page.route(/\/js\/(?:vendors|app)\.[0-9a-f]{8}\.js$/, (script) => void held.push(script));
    await page.goto(server.baseUrl + route, { waitUntil: 'commit' });
    await expect.poll(() => held.length).toBe(2);
    // The replies are in before the app runs, as on a slow link where the app's files take longest.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const store = (window as unknown as { __cbcEarlyReplies?: Record<string, { settled?: unknown }> })
            .__cbcEarlyReplies;
          return store !== undefined && Object.values(store).every((entry) => entry.settled !== undefined);
        }),
      )
      .toBe(true);
    // Every call so far came from index.html: the app's scripts have not been let through yet.
    const beforeEntry = [...calls];
    for (const script of held) await script.continue();
    await expect.poll(() => page.locator(ready).first().isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    const placeholderShown = await page.evaluate(
      () => (window as unknown as { seen: { placeholder: boolean } }).seen.placeholder,
    );
    return { beforeEntry, all: calls, placeholderShown };
  }

  it('asks for the opened page’s data from index.html, before the entry has run, and only once', async () => {
    const context = await newPhoneContext(browser, 'en-US');
    const page = await context.newPage();
    try {
      const { beforeEntry, all, placeholderShown } = await loadWithEntryHeld(
        page,
        '/#/pages/guides/index?card=yuanyou',
        '.js-page-guides .js-channel-entry',
      );
      // Their replies were in the page's first render: no skeleton, no second render.
      expect(placeholderShown).toBe(false);
      const guides = ['/api/v1/channels?card=yuanyou&lang=en', '/api/v1/guides?card=yuanyou&lang=en'];
      expect(beforeEntry.map((call) => call.url).sort()).toEqual(guides);
      // The page took those replies: it asked for nothing more (before, each was asked for once the app ran).
      expect(all.map((call) => call.url).sort()).toEqual(guides);
      expect(await page.locator('.js-page-guides .js-card-tab-yuanyou.is-active').count()).toBe(1);
      await snap(page, shots, '04-guides-from-early-calls-en');
    } finally {
      await context.close();
    }
  });

  it('logged in, History’s first calls go out early with the session, and are not repeated', async () => {
    const account = await registerThroughApi(server.baseUrl, { phone: '13800138321', password: 'early2026!' });
    await bindVerifiedCardThroughApi(server.baseUrl, account.token, {
      number: generateCardNumber('zhonggangtong', '27182818284'),
    });
    const context = await newPhoneContext(browser, 'zh-CN');
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/api/v1/health`);
      // As the app keeps it (Taro's storage on h5: `{ data }` as JSON).
      await page.evaluate((value) => localStorage.setItem('cbc.session.v1', JSON.stringify({ data: value })), account);
      const { beforeEntry, all, placeholderShown } = await loadWithEntryHeld(
        page,
        '/#/pages/history/index',
        '.js-page-history .js-chart-month',
      );
      expect(placeholderShown).toBe(false);
      // The chart's six months of all cards, still before the entry has run.
      const chart = beforeEntry.find((call) => call.url.startsWith('/api/v1/transactions/months?'));
      expect(chart?.url).toMatch(/\?lang=zh-Hans&months=(\d{4}-\d{2}%2C){5}\d{4}-\d{2}$/);
      const first = ['/api/v1/cards?lang=zh-Hans', '/api/v1/transactions?lang=zh-Hans', chart?.url ?? ''];
      expect(beforeEntry.map((call) => call.url).sort()).toEqual([...first].sort());
      for (const call of beforeEntry) expect(call.authorization).toBe(`Bearer ${account.token}`);
      const counts = new Map<string, number>();
      for (const call of all) counts.set(call.url, (counts.get(call.url) ?? 0) + 1);
      for (const url of first) expect(counts.get(url), url).toBe(1);
    } finally {
      await context.close();
    }
  });
});
