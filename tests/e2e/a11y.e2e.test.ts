import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, snap } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

// axe-core, a tool no one here wrote, on every page of the browser build: each language, standard
// and large text, the pages filled with the demo account's data (npm run demo's own seed). Zero
// critical or serious violations of WCAG 2.1 A/AA.

type Language = 'zh-Hans' | 'zh-Hant' | 'en';
const LANGUAGES: readonly Language[] = ['zh-Hans', 'zh-Hant', 'en'];

interface Target {
  name: string;
  /** The `.js-page-<page>` the route renders. */
  page: string;
  path: string;
  /** Signed-in pages wait for this to show real content rather than a skeleton. */
  ready?: string;
}

interface Finding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

describe('axe-core on every page of the browser build', () => {
  let server: RunningServer;
  let demoDir: string;
  let browser: Browser;
  let page: Page;
  let session: unknown;
  const targets: Target[] = [];
  const findings: Finding[] = [];
  /** Controls smaller than 44 × 44 CSS px: a thumb at a border crossing, not a mouse pointer. */
  const smallTargets: string[] = [];
  let audited = 0;

  const api = async <T>(path: string, token?: string): Promise<T> => {
    const reply = await fetch(server.baseUrl + path, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(reply.status, path).toBe(200);
    return (await reply.json()) as T;
  };

  beforeAll(async () => {
    demoDir = mkdtempSync(join(tmpdir(), 'cbc-a11y-e2e-'));
    server = await startServer(
      { DEMO_DATA_DIR: join(demoDir, 'data-demo'), CREDIT_DELAY_SECONDS: '0' },
      { entry: join('scripts', 'demo.mjs'), healthTimeoutMs: 120_000 },
    );
    const phone = /Phone\s+\+86 (\d{3}) (\d{4}) (\d{4})/.exec(server.logs())?.slice(1).join('') ?? '';
    const password = /Password\s+(\S+)/.exec(server.logs())?.[1] ?? '';
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: { region: 'CN', number: phone }, password }),
    });
    expect(login.status).toBe(200);
    session = await login.json();
    const token = (session as { token: string }).token;

    const guides = await api<{ guides: { slug: string }[] }>('/api/v1/guides?card=zhonggangtong');
    const channels = await api<{ channels: { id: string }[] }>('/api/v1/channels?card=yuanyou');
    const { cards } = await api<{ cards: { id: string }[] }>('/api/v1/cards', token);
    const { orders } = await api<{ orders: { id: string }[] }>('/api/v1/orders', token);
    const { transactions } = await api<{ transactions: { id: string; createdAt: string }[] }>(
      '/api/v1/transactions',
      token,
    );
    const card = cards[0]?.id ?? '';
    const month = (transactions[0]?.createdAt ?? '').slice(0, 7);
    targets.push(
      { name: 'home', page: 'home', path: 'pages/home/index', ready: '.js-home-bound-card' },
      { name: 'guides', page: 'guides', path: 'pages/guides/index', ready: '.js-guide-entry' },
      { name: 'history', page: 'history', path: 'pages/history/index', ready: '.js-entry' },
      { name: 'me', page: 'me', path: 'pages/me/index', ready: '.js-me-account' },
      {
        name: 'guide',
        page: 'guide',
        path: `packages/guides/pages/detail/index?slug=${guides.guides[0]?.slug}`,
        ready: '.js-guide-steps',
      },
      {
        name: 'channel',
        page: 'channel',
        path: `packages/guides/pages/channel/index?card=yuanyou&id=${channels.channels[0]?.id}`,
        ready: '.js-channel-title',
      },
      { name: 'cards', page: 'cards', path: 'packages/cards/pages/list/index', ready: '.js-card-entry' },
      { name: 'card-add', page: 'card-add', path: 'packages/cards/pages/add/index' },
      {
        name: 'card-detail',
        page: 'card-detail',
        path: `packages/cards/pages/detail/index?id=${card}`,
        ready: '.js-auto-topup-status',
      },
      { name: 'trip', page: 'trip', path: `packages/cards/pages/trip/index?id=${card}`, ready: '.js-segment' },
      { name: 'planner', page: 'planner', path: `packages/cards/pages/planner/index?id=${card}`, ready: '.js-plan' },
      { name: 'messages', page: 'messages', path: 'packages/messages/pages/inbox/index', ready: '.js-message' },
      {
        name: 'topup-amount',
        page: 'topup-amount',
        path: `packages/topup/pages/amount/index?cardId=${card}`,
        ready: '.js-presets',
      },
      {
        name: 'topup-confirm',
        page: 'topup-confirm',
        path: `packages/topup/pages/confirm/index?cardId=${card}&amount=50000&method=wechatpay`,
        ready: '.js-confirm-total',
      },
      { name: 'orders', page: 'orders', path: 'packages/topup/pages/orders/index', ready: '.js-order' },
      {
        name: 'order',
        page: 'order',
        path: `packages/topup/pages/order/index?id=${orders[0]?.id}`,
        ready: '.js-order-state',
      },
      {
        name: 'result',
        page: 'topup-result',
        path: `packages/topup/pages/result/index?orderId=${orders[0]?.id}`,
        ready: '.js-result',
      },
      {
        name: 'card-history',
        page: 'card-history',
        path: `packages/history/pages/card/index?id=${card}`,
        ready: '.js-entry',
      },
      {
        name: 'receipt',
        page: 'receipt',
        path: `packages/history/pages/receipt/index?id=${transactions[0]?.id}`,
        ready: '.js-receipt-no',
      },
      {
        name: 'statement',
        page: 'statement',
        path: `packages/history/pages/statement/index?id=${card}&month=${month}`,
        ready: '.js-statement-closing',
      },
    );

    browser = await launchBrowser();
    page = await (await newPhoneContext(browser, 'zh-CN')).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  /** The app's own storage format on h5: Taro keeps each value as JSON under `data`. */
  async function setDevice(lang: Language, textSize: 'standard' | 'large', signedIn: boolean) {
    await page.goto(server.baseUrl + '/');
    await page.evaluate(
      ({ lang, textSize, session }) => {
        localStorage.setItem('cbc.lang', JSON.stringify({ data: lang }));
        localStorage.setItem('cbc.text-size', JSON.stringify({ data: textSize }));
        if (session) localStorage.setItem('cbc.session.v1', JSON.stringify({ data: session }));
        else localStorage.removeItem('cbc.session.v1');
      },
      { lang, textSize, session: signedIn ? session : null },
    );
    // The app reads the device's settings and session when it starts.
    await page.reload();
  }

  async function audit(where: string): Promise<void> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    audited += 1;
    const small = await page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        'taro-button-core, [role="button"], [role="radio"], [role="checkbox"], [role="switch"], [role="link"], a[href]',
      );
      const found: string[] = [];
      for (const control of Array.from(controls)) {
        const box = control.getBoundingClientRect();
        const style = getComputedStyle(control);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
        // The tab bar's own items are Taro's; one inside another counts once, the outer one.
        if (control.closest('.taro-tabbar__tabbar')) continue;
        if (control.parentElement?.closest('[role="button"], taro-button-core')) continue;
        if (box.width < 43.5 || box.height < 43.5) {
          const name = (control.getAttribute('aria-label') ?? control.innerText ?? '').trim().slice(0, 24);
          const classes = Array.from(control.classList)
            .filter((c) => !c.startsWith('js-'))
            .slice(0, 2)
            .join('.');
          found.push(
            `${classes || control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
        }
      }
      return found;
    });
    for (const item of small) smallTargets.push(`${where}: ${item}`);
    for (const violation of result.violations) {
      if (violation.impact !== 'critical' && violation.impact !== 'serious') continue;
      findings.push({
        where,
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 4).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
      });
    }
  }

  async function visit(target: Target): Promise<void> {
    await page.goto(`${server.baseUrl}/#/${target.path}`);
    const root = page.locator(`.js-page-${target.page}`).last();
    await expect.poll(() => root.isVisible(), { timeout: 15_000 }).toBe(true);
    if (target.ready) {
      await expect
        .poll(() => root.locator(target.ready ?? '').count(), { timeout: 15_000, message: target.name })
        .toBeGreaterThan(0);
    }
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  for (const lang of LANGUAGES) {
    for (const textSize of ['standard', 'large'] as const) {
      it(`signed in, ${lang}, ${textSize} text: every page`, async () => {
        await setDevice(lang, textSize, true);
        for (const target of targets) {
          await visit(target);
          await audit(`${target.name} (${lang}, ${textSize})`);
          // Every page in every language and text size, for the screenshot review.
          await snap(page, `pages/${lang}-${textSize}`, target.name);
        }
        // The cashier exists only for an order being paid: open it from the confirm page.
        await visit(targets.find((target) => target.name === 'topup-confirm') as Target);
        await page.locator('.js-confirm-pay').click();
        await expect.poll(() => page.locator('.js-cashier-sheet').isVisible(), { timeout: 15_000 }).toBe(true);
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        await audit(`cashier (${lang}, ${textSize})`);
        await snap(page, `pages/${lang}-${textSize}`, 'cashier');
      });
    }
    it(`signed out, ${lang}: login, register and the signed-out tabs`, async () => {
      await setDevice(lang, 'standard', false);
      for (const target of [
        { name: 'login', page: 'login', path: 'packages/account/pages/login/index' },
        { name: 'register', page: 'register', path: 'packages/account/pages/register/index' },
        { name: 'home (signed out)', page: 'home', path: 'pages/home/index' },
        { name: 'me (signed out)', page: 'me', path: 'pages/me/index' },
      ]) {
        await visit(target);
        await audit(`${target.name} (${lang})`);
        await snap(page, `pages/${lang}-signed-out`, target.name.replace(/ \(signed out\)/, '-signed-out'));
      }
    });
  }

  it('found no critical or serious violation', () => {
    console.log(`axe-core: ${audited} page audits, ${findings.length} critical or serious findings`);
    const byRule = new Map<string, string[]>();
    for (const finding of findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding.where]);
    for (const [rule, where] of byRule) console.log(`  ${rule}: ${where.length} (${where.slice(0, 6).join('; ')})`);
    expect(audited).toBeGreaterThan(100);
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    const distinct = [...new Set(smallTargets.map((item) => item.replace(/^[^:]+\(([^)]*)\): /, '')))];
    console.log(`tap targets under 44 × 44: ${smallTargets.length} (${distinct.length} distinct)`);
    expect(distinct).toEqual([]);
  });
});
