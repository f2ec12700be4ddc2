import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { translate } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { launchBrowser, newPhoneContext, snap } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';
import { judgeContrast, unjudgedContrastNodes } from '../support/unjudged-contrast';

// axe-core, a tool no one here wrote, on every page of the browser build: each language, standard
// and large text, the pages filled with the demo account's data (npm run demo's own seed). Zero
// critical or serious violations of WCAG 2.1 A/AA.
//
// Speed (252 s in CI before, for 138 audits): the router is hash-based, so moving between pages is a
// same-document navigation and the app loads once per language and text size. What cost the time was
// @axe-core/playwright's `analyze()`: each call evaluated axe-core's 560 KB source in the page again,
// and then opened a second, blank page to merge its results (`axe.finishRun`, made for cross-origin
// frames; the app has none, which `audit` checks). Here axe-core is injected once per document and
// `axe.run` is called in the page, which is what AxeBuilder's legacy mode does, with the same rules. The
// combinations run two at a time, one browser context each (the machine has two cores).

type Language = 'zh-Hans' | 'zh-Hant' | 'en';
const LANGUAGES: readonly Language[] = ['zh-Hans', 'zh-Hant', 'en'];
const TEXT_SIZES = ['standard', 'large'] as const;
type TextSize = (typeof TEXT_SIZES)[number];

/** The `lang` the app gives the document for each language (miniapp/src/i18n/document-lang.ts). */
const HTML_LANG: Record<Language, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-HK', en: 'en' };
const TAB_LABELS = ['tab.home', 'tab.guides', 'tab.history', 'tab.me'] as const;

/** WCAG 2.1 A and AA, as AxeBuilder's `withTags` asked for them. */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Violations, and text whose contrast axe could not judge (over a gradient or partly over another
  // element), judged here after it: axe still runs every rule, but skips listing the nodes that passed.
  resultTypes: ['violations', 'incomplete'],
};

/**
 * The axe-core copy @axe-core/playwright itself depends on (4.13; the root node_modules holds a 4.14,
 * which wants Node 22), so the engine and its rules are the ones the AxeBuilder runs used.
 */
const axeSource = (
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as { source: string }
).source;

/** Browser contexts auditing at once: one per core (axe and screenshots keep the renderer busy). */
const LANES = 2;

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

const SIGNED_OUT_TARGETS: readonly Target[] = [
  { name: 'login', page: 'login', path: 'packages/account/pages/login/index' },
  { name: 'register', page: 'register', path: 'packages/account/pages/register/index' },
  { name: 'home (signed out)', page: 'home', path: 'pages/home/index' },
  { name: 'me (signed out)', page: 'me', path: 'pages/me/index' },
];

describe('axe-core on every page of the browser build', () => {
  let server: RunningServer;
  let demoDir: string;
  let browser: Browser;
  let session: unknown;
  const targets: Target[] = [];
  const findings: Finding[] = [];
  /** Controls smaller than 44 × 44 CSS px: a thumb at a border crossing, not a mouse pointer. */
  const smallTargets: string[] = [];
  const auditedScreens: string[] = [];
  /** Text over a gradient or partly over another element, judged by support/unjudged-contrast.ts. */
  const contrastJudged: string[] = [];
  const contrastNotJudged: string[] = [];

  /** One page per browser context: separate storage, so each lane has its own language and text size. */
  const idlePages: Page[] = [];
  const waitingForPage: ((page: Page) => void)[] = [];

  /**
   * Runs `work` on a page no other test is using, waiting for one if all are busy. The combinations are
   * `it.concurrent` (vitest starts up to five at once), so a test's time includes its wait for a page.
   */
  async function withPage(work: (page: Page) => Promise<void>): Promise<void> {
    const page = idlePages.pop() ?? (await new Promise<Page>((resolve) => waitingForPage.push(resolve)));
    try {
      await work(page);
    } finally {
      const next = waitingForPage.shift();
      if (next) next(page);
      else idlePages.push(page);
    }
  }

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
    for (let lane = 0; lane < LANES; lane += 1) {
      idlePages.push(await (await newPhoneContext(browser, 'zh-CN')).newPage());
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  /** The app's own storage format on h5: Taro keeps each value as JSON under `data`. */
  async function setDevice(
    page: Page,
    expect: ExpectStatic,
    lang: Language,
    textSize: TextSize,
    signedIn: boolean,
  ): Promise<void> {
    // Storage belongs to the origin: any page of the app will do, such as the previous combination's.
    if (!page.url().startsWith(server.baseUrl + '/')) await page.goto(server.baseUrl + '/');
    await page.evaluate(
      ({ lang, textSize, session }) => {
        localStorage.setItem('cbc.lang', JSON.stringify({ data: lang }));
        localStorage.setItem('cbc.text-size', JSON.stringify({ data: textSize }));
        if (session) localStorage.setItem('cbc.session.v1', JSON.stringify({ data: session }));
        else localStorage.removeItem('cbc.session.v1');
      },
      { lang, textSize, session: signedIn ? session : null },
    );
    // The app reads the device's settings and session when it starts. A URL without a hash loads the
    // document anew (a reload would reopen the page the last combination ended on): this combination's
    // one full load. Its first page is up before the first hash change, so the router has started.
    await page.goto(server.baseUrl + '/');
    await page.locator('.js-page-home').first().waitFor({ state: 'visible', timeout: 15_000 });
    // A fresh document (axe not injected yet) showing this language and text size.
    expect(
      await page.evaluate(() => ({
        lang: document.documentElement.lang,
        large: document.documentElement.classList.contains('text-large'),
        axe: 'axe' in window,
      })),
    ).toEqual({ lang: HTML_LANG[lang], large: textSize === 'large', axe: false });
    // The tab bar speaks the language from the first page of a cold start, not from the next tab shown
    // (its labels were once still Simplified Chinese on an English home page).
    await expect
      .poll(async () => (await page.locator('.taro-tabbar__tabbar').innerText()).split(/\n+/), { timeout: 5_000 })
      .toEqual(TAB_LABELS.map((key) => translate(lang, key)));
  }

  async function audit(page: Page, expect: ExpectStatic, where: string): Promise<void> {
    // Only the top document is audited; a frame would need axe injected into it too.
    expect(page.frames(), `${where}: frames`).toHaveLength(1);
    // axe-core stays in the document until its next full load (the next combination's).
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const result = await page.evaluate(
      (options) =>
        (
          window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }
        ).axe.run(document, options),
      AXE_OPTIONS,
    );
    auditedScreens.push(where);
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
    for (const verdict of await judgeContrast(page, unjudgedContrastNodes(result.incomplete))) {
      const what = `${where}: "${verdict.text}"`;
      if (verdict.worst === null) {
        contrastNotJudged.push(what);
        continue;
      }
      contrastJudged.push(what);
      if (verdict.worst < verdict.expected) {
        findings.push({
          where,
          rule: 'color-contrast (over a gradient or another element)',
          impact: 'serious',
          help: `Elements must meet minimum color contrast ratio thresholds (${verdict.expected}:1)`,
          nodes: [
            `${verdict.selector} "${verdict.text}" — ${verdict.worst}:1, ${verdict.foreground} on ${verdict.background}`,
          ],
        });
      }
    }
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

  /**
   * A hash change: the router shows the page without reloading the app. Pages below it stay in the
   * document, hidden, so the page shown is the visible one (an older copy of it may be hidden).
   */
  async function visit(page: Page, expect: ExpectStatic, target: Target): Promise<void> {
    await page.goto(`${server.baseUrl}/#/${target.path}`);
    const root = page.locator(`.js-page-${target.page}`).filter({ visible: true });
    await expect.poll(() => root.count(), { timeout: 15_000, message: target.name }).toBe(1);
    if (target.ready) {
      await root
        .locator(target.ready)
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 })
        .catch((error: unknown) => {
          throw new Error(`${target.name}: ${target.ready} did not show`, { cause: error });
        });
    }
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  for (const lang of LANGUAGES) {
    for (const textSize of TEXT_SIZES) {
      it.concurrent(
        `signed in, ${lang}, ${textSize} text: every page`,
        ({ expect }) =>
          withPage(async (page) => {
            await setDevice(page, expect, lang, textSize, true);
            for (const target of targets) {
              await visit(page, expect, target);
              await audit(page, expect, `${target.name} (${lang}, ${textSize})`);
              // Every page in every language and text size, for the screenshot review.
              await snap(page, `pages/${lang}-${textSize}`, target.name);
            }
            // The cashier exists only for an order being paid: open it from the confirm page.
            await visit(page, expect, targets.find((target) => target.name === 'topup-confirm') as Target);
            await page.locator('.js-confirm-pay').click();
            await page.locator('.js-cashier-sheet').waitFor({ state: 'visible', timeout: 15_000 });
            await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
            await audit(page, expect, `cashier (${lang}, ${textSize})`);
            // Every key of the pad on screen, whatever the language and text size: a key below the edge
            // is a payment that cannot be finished (English at large text pushed the last row off).
            const keysOffScreen = await page
              .locator('.js-keypad .keypad__key:not(.keypad__key--blank)')
              .evaluateAll((keys) =>
                keys
                  .filter((key) => {
                    const box = key.getBoundingClientRect();
                    return box.top < 0 || box.bottom > window.innerHeight;
                  })
                  .map((key) => key.getAttribute('aria-label')),
              );
            expect(keysOffScreen, `cashier (${lang}, ${textSize})`).toEqual([]);
            // The simulation notice, the close button, the boxes and the "never type a real password" hint in
            // sight between the dock's top and the pad as the sheet opens, not scrolled under the pad or off
            // the top (English at large text did both, and then hid the close button above the fold).
            const hiddenUnderPad = await page.evaluate(() => {
              const padTop = document.querySelector('.js-keypad')?.getBoundingClientRect().top ?? 0;
              const dockTop = document.querySelector('.cashier-page__dock')?.getBoundingClientRect().top ?? 0;
              return ['.js-cashier-stripe', '.js-cashier-close', '.js-password-boxes', '.js-password-hint'].filter(
                (selector) => {
                  const element = document.querySelector(selector);
                  const box = element?.getBoundingClientRect();
                  if (!element || !box || box.top < dockTop - 1 || box.bottom > padTop) return true;
                  // In place but under something else: the sticky stripe once covered the close button.
                  const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                  return !onTop || !element.contains(onTop);
                },
              );
            });
            expect(hiddenUnderPad, `cashier (${lang}, ${textSize})`).toEqual([]);
            await snap(page, `pages/${lang}-${textSize}`, 'cashier');
          }),
        // Its own work takes a fraction of this; the rest is room to wait for a free browser context.
        300_000,
      );
    }
    it.concurrent(
      `signed out, ${lang}: login, register and the signed-out tabs`,
      ({ expect }) =>
        withPage(async (page) => {
          await setDevice(page, expect, lang, 'standard', false);
          for (const target of SIGNED_OUT_TARGETS) {
            await visit(page, expect, target);
            await audit(page, expect, `${target.name} (${lang})`);
            await snap(page, `pages/${lang}-signed-out`, target.name.replace(/ \(signed out\)/, '-signed-out'));
          }
        }),
      300_000,
    );
  }

  it('found no critical or serious violation', () => {
    console.log(`axe-core: ${auditedScreens.length} page audits, ${findings.length} critical or serious findings`);
    console.log(
      `contrast over gradients and other elements, which axe leaves unjudged: ${contrastJudged.length} texts judged` +
        (contrastNotJudged.length > 0 ? `; not judged: ${contrastNotJudged.slice(0, 6).join('; ')}` : ''),
    );
    const byRule = new Map<string, string[]>();
    for (const finding of findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding.where]);
    for (const [rule, where] of byRule) console.log(`  ${rule}: ${where.length} (${where.slice(0, 6).join('; ')})`);
    // Every screen of every combination, each once: signed in, all targets and the cashier in each
    // language and text size; signed out, its four pages in each language.
    const expected = LANGUAGES.flatMap((lang) => [
      ...TEXT_SIZES.flatMap((textSize) =>
        [...targets.map((target) => target.name), 'cashier'].map((name) => `${name} (${lang}, ${textSize})`),
      ),
      ...SIGNED_OUT_TARGETS.map((target) => `${target.name} (${lang})`),
    ]);
    expect(expected).toHaveLength(138);
    expect([...auditedScreens].sort()).toEqual([...expected].sort());
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    // The headers and card faces put text on gradients on most pages: a check that judged none would be broken.
    expect(contrastJudged.length).toBeGreaterThan(50);
    expect(contrastNotJudged).toEqual([]);
    const distinct = [...new Set(smallTargets.map((item) => item.replace(/^[^:]+\(([^)]*)\): /, '')))];
    console.log(`tap targets under 44 × 44: ${smallTargets.length} (${distinct.length} distinct)`);
    expect(distinct).toEqual([]);
  });
});
