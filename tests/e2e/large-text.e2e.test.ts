import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSessionToken } from '../support/ui-session';
import { launchBrowser, newPhoneContext, pageShown, snap } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

/**
 * 大字模式 in the browser build: turned on through the 我的 page, then every page of the app at 1.5×
 * text on a 375 and a 320 px wide phone, in Chinese and in English, checked with the DOM's own geometry:
 * no text wider than its box or cut by a clipping ancestor or the screen edge, no two texts on top of
 * each other, no word stacked one CJK character per line and no word of letters broken inside itself, every
 * text at least 1.4× the 12 px floor, the page title broken only between words ("Top-" / "up" reads badly
 * in a title), no notice text squeezed
 * into a narrow column beside its badge, and no choice left alone on a row under three others.
 * The demo seed (npm run demo) supplies an account with two funded cards, orders, receipts and statements.
 */

interface Problem {
  kind:
    | 'overflow'
    | 'clipped'
    | 'offscreen'
    | 'outside'
    | 'overlap'
    | 'stacked'
    | 'orphan'
    | 'small'
    | 'page-scroll'
    | 'split-title'
    | 'split-word'
    | 'squeezed'
    | 'lone-option'
    | 'font';
  text: string;
  detail: string;
}

/**
 * Runs in the page. A "text leaf" is an element with a non-blank text node of its own; its text is
 * measured with a Range (the glyphs' boxes, one per line), not the element's box.
 */
function layoutProblems(args: { rootSelector: string; minFontPx: number }): Problem[] {
  const problems: Problem[] = [];
  const root = document.querySelectorAll(args.rootSelector);
  const pageRoot = root[root.length - 1];
  if (!pageRoot) return [{ kind: 'overflow', text: '', detail: `no ${args.rootSelector}` }];
  const viewportWidth = document.documentElement.clientWidth;
  const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  const short = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 40);
  // The words of a text node (what `pattern` matches) whose glyphs lie on more than one line.
  const wordsOnSeveralLines = (node: Node, pattern: RegExp): string[] => {
    const split: string[] = [];
    for (const match of (node.textContent ?? '').matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
      if (lines.size > 1) split.push(`"${match[0]}" on ${lines.size} lines`);
    }
    return split;
  };

  const isShown = (element: Element): boolean => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
    }
    return true;
  };
  // Texts are compared with texts of the same layer: the scrolling page, a bar fixed over it, a popup,
  // the tab bar (the page scrolls in a panel above it, so a page text below the fold is not under it).
  const layerOf = (element: Element): string => {
    if (element.closest('.taro-tabbar__tabbar')) return 'tabbar';
    if (element.closest('.nut-popup')) return 'popup';
    for (let node: Element | null = element; node; node = node.parentElement) {
      const position = getComputedStyle(node).position;
      // A sticky bar is a layer of its own: what scrolls under it (inside a fixed dock too) is covered by
      // its background, not drawn over it.
      if (position === 'sticky') return 'sticky';
      if (position === 'fixed') return 'fixed';
    }
    return 'page';
  };

  interface Leaf {
    node: Text;
    element: HTMLElement;
    text: string;
    rects: DOMRect[];
    layer: string;
  }
  const leaves: Leaf[] = [];
  // The page and what renders outside it (popups, the tab bar) on the same screen.
  const scopes = [pageRoot, ...Array.from(document.querySelectorAll('.taro-tabbar__tabbar, .nut-popup'))];
  for (const scope of scopes) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const element = node.parentElement;
      if (!element || text.trim() === '' || !isShown(element)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0.5 && rect.height > 0.5);
      if (rects.length === 0) continue;
      leaves.push({ node: node as Text, element, text, rects, layer: layerOf(element) });
    }
  }

  const seen = new Set<HTMLElement>();
  for (const leaf of leaves) {
    const { element, text, rects } = leaf;
    const style = getComputedStyle(element);
    const label = short(text);

    if (!seen.has(element)) {
      seen.add(element);
      // Wider than its own box (a no-wrap label, a long number), where the box does not scroll.
      const scroller = /(auto|scroll)/.test(style.overflowX);
      if (style.display !== 'inline' && !scroller && element.scrollWidth > element.clientWidth + 1) {
        problems.push({ kind: 'overflow', text: label, detail: `${element.scrollWidth} > ${element.clientWidth}` });
      }
      // The tab bar is drawn by the platform (WeChat's own on weapp) at its own fixed size.
      const fontPx = parseFloat(style.fontSize);
      if (leaf.layer !== 'tabbar' && fontPx < args.minFontPx) {
        problems.push({ kind: 'small', text: label, detail: `${fontPx}px < ${args.minFontPx}px` });
      }
    }

    for (const rect of rects) {
      if (rect.left < -1 || rect.right > viewportWidth + 1) {
        problems.push({ kind: 'offscreen', text: label, detail: `${Math.round(rect.left)}–${Math.round(rect.right)}` });
      }
      // Cut by an ancestor that clips (overflow hidden/clip/auto), before reaching the page root.
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === 'visible') continue;
        const box = node.getBoundingClientRect();
        if (overflow !== 'hidden' && overflow !== 'clip') break;
        if (rect.left < box.left - 1 || rect.right > box.right + 1) {
          problems.push({ kind: 'clipped', text: label, detail: `by .${node.className.split(' ')[0] ?? ''}` });
          break;
        }
      }
    }

    // Past the edge of its card (a right-aligned figure wider than its column runs out to the left).
    const card = element.closest('.panel');
    if (card && leaf.layer === 'page') {
      const box = card.getBoundingClientRect();
      if (rects.some((rect) => rect.left < box.left - 1 || rect.right > box.right + 1)) {
        problems.push({ kind: 'outside', text: label, detail: `beyond .${card.className.split(' ')[0] ?? ''}` });
      }
    }

    // A word of letters broken inside itself ("Zhonggang" / "tong") in a box too narrow for it. Runs of
    // letters only: a long reference or masked number may break anywhere by design.
    for (const word of wordsOnSeveralLines(leaf.node, /(?<![\p{L}\p{N}])\p{L}{2,}(?![\p{L}\p{N}])/gu)) {
      if (!cjk.test(word)) problems.push({ kind: 'split-word', text: label, detail: word });
    }

    // One CJK character per line: a word stacked vertically in a box too narrow for it.
    const chars = Array.from(text.trim());
    if (cjk.test(text) && rects.length >= 2 && chars.length / rects.length < 2) {
      problems.push({ kind: 'stacked', text: label, detail: `${chars.length} characters on ${rects.length} lines` });
    }
    // A short CJK label (a button, a name) broken to leave its last character alone on a line: 充值订 / 单.
    const lastLine = rects[rects.length - 1];
    if (
      cjk.test(text) &&
      chars.length <= 8 &&
      rects.length >= 2 &&
      lastLine &&
      lastLine.width < parseFloat(style.fontSize) * 1.2
    ) {
      problems.push({ kind: 'orphan', text: label, detail: `last character alone on line ${rects.length}` });
    }
  }

  // Two texts on top of each other (glyph boxes intersecting by more than 2 px each way).
  for (let i = 0; i < leaves.length; i += 1) {
    for (let j = i + 1; j < leaves.length; j += 1) {
      const a = leaves[i];
      const b = leaves[j];
      if (!a || !b || a.element === b.element || a.layer !== b.layer) continue;
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      const hit = a.rects.some((r) =>
        b.rects.some(
          (s) =>
            Math.min(r.right, s.right) - Math.max(r.left, s.left) > 2 &&
            Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > 2,
        ),
      );
      if (hit) problems.push({ kind: 'overlap', text: short(a.text), detail: `over "${short(b.text)}"` });
    }
  }

  // The navigation bar's title wraps between words only, hyphens included ("Top-" / "up" reads badly in
  // a title).
  const title = document.querySelector('#taro-navigation-bar .taro-navigation-bar-title');
  const titleText = title?.firstChild;
  if (titleText && titleText.nodeType === Node.TEXT_NODE && !cjk.test(titleText.textContent ?? '')) {
    for (const word of wordsOnSeveralLines(titleText, /\S+/g)) {
      problems.push({ kind: 'split-title', text: short(titleText.textContent ?? ''), detail: word });
    }
  }

  // A notice's text keeps at least two thirds of the notice's width: a wide badge (English, large text)
  // beside it would leave the text a narrow column of many lines and an empty one under the badge.
  for (const notice of Array.from(pageRoot.querySelectorAll<HTMLElement>('.notice'))) {
    const text = notice.querySelector('.notice__text');
    if (!text || !isShown(notice)) continue;
    const inner =
      notice.clientWidth -
      parseFloat(getComputedStyle(notice).paddingLeft) -
      parseFloat(getComputedStyle(notice).paddingRight);
    const width = text.getBoundingClientRect().width;
    if (width < (inner * 2) / 3) {
      problems.push({
        kind: 'squeezed',
        text: short(text.textContent ?? ''),
        detail: `${Math.round(width)} of ${Math.round(inner)} px`,
      });
    }
  }

  // A row of choices that wraps leaves no option alone under three or more: four go two and two.
  for (const group of Array.from(pageRoot.querySelectorAll<HTMLElement>('.choice-group--segmented'))) {
    if (!isShown(group)) continue;
    const rows = new Map<number, string[]>();
    for (const item of Array.from(group.querySelectorAll<HTMLElement>('.choice-group__item'))) {
      const top = Math.round(item.getBoundingClientRect().top);
      rows.set(top, [...(rows.get(top) ?? []), short(item.textContent ?? '')]);
    }
    const sizes = [...rows.values()].map((row) => row.length);
    const lone = [...rows.values()].find((row) => row.length === 1);
    if (lone && Math.max(...sizes) >= 3) {
      problems.push({ kind: 'lone-option', text: lone[0] ?? '', detail: `rows of ${sizes.join(' + ')}` });
    }
  }

  // Form fields draw in the page's font, not the browser's own for <input>.
  for (const field of Array.from(pageRoot.querySelectorAll<HTMLElement>('input, textarea'))) {
    if (!isShown(field) || field.getBoundingClientRect().width === 0) continue;
    const own = getComputedStyle(field).fontFamily;
    const page = getComputedStyle(pageRoot).fontFamily;
    if (own !== page) problems.push({ kind: 'font', text: field.getAttribute('placeholder') ?? '', detail: own });
  }

  // Nothing makes the page itself scroll sideways (Taro's h5 pages scroll in the tab bar's panel).
  for (const scroller of [document.scrollingElement, ...Array.from(document.querySelectorAll('.taro-tabbar__panel'))]) {
    if (scroller && scroller.scrollWidth > viewportWidth + 1) {
      problems.push({ kind: 'page-scroll', text: '', detail: `page ${scroller.scrollWidth} px wide` });
    }
  }
  return problems;
}

interface PageVisit {
  name: string;
  /** The page's test class: `.js-page-<root>`. */
  root: string;
  url: () => string;
  /** What shows once the page's data has arrived. */
  ready?: string;
}

describe('大字模式 (large text) in the browser build', () => {
  let server: RunningServer;
  let demoDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const ids = {
    cardId: '',
    yuanyouId: '',
    orderId: '',
    creditedOrderId: '',
    unpaidOrderId: '',
    transactionId: '',
    month: '',
    guideSlug: '',
    channelId: '',
  };

  beforeAll(async () => {
    demoDir = mkdtempSync(join(tmpdir(), 'cbc-large-text-'));
    server = await startServer(
      { DEMO_DATA_DIR: join(demoDir, 'data-demo'), CREDIT_DELAY_SECONDS: '0' },
      { entry: join('scripts', 'demo.mjs'), healthTimeoutMs: 120_000 },
    );
    browser = await launchBrowser();
    context = await newPhoneContext(browser, 'zh-CN');
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  const on = (name: string) => page.locator(`.js-page-${name}`).last();
  const visible = (name: string, timeout?: number) => pageShown(page, name, timeout);
  const fontPx = (selector: string) =>
    on('me')
      .locator(selector)
      .first()
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

  async function api<T>(path: string, token: string): Promise<T> {
    const reply = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(reply.status, path).toBe(200);
    return (await reply.json()) as T;
  }

  /** Opens a page and waits for its data (no skeleton left, the ready marker shown). */
  async function open(visit: PageVisit) {
    await page.goto(server.baseUrl + '/#/' + visit.url());
    await visible(visit.root, 15_000);
    if (visit.ready) {
      await expect
        .poll(
          () =>
            on(visit.root)
              .locator(visit.ready ?? '')
              .count(),
          { timeout: 15_000 },
        )
        .toBeGreaterThan(0);
    }
    await expect.poll(() => on(visit.root).locator('.nut-skeleton').count(), { timeout: 15_000 }).toBe(0);
    await page.waitForFunction(() => document.fonts.status === 'loaded');
  }

  async function check(visit: PageVisit): Promise<string[]> {
    await open(visit);
    const problems = await page.evaluate(layoutProblems, {
      rootSelector: `.js-page-${visit.root}`,
      // 12 px is the smallest size at standard text; 大字模式 makes it 18 (display sizes grow less).
      minFontPx: 16.8,
    });
    return problems.map((problem) => `${visit.name}: ${problem.kind} "${problem.text}" ${problem.detail}`);
  }

  it('turns 大字模式 on from the 我的 page, which grows the text and is remembered', async () => {
    await page.goto(server.baseUrl + '/#/pages/me/index');
    await visible('me');
    const toggle = on('me').locator('.js-large-text');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    const before = { title: await fontPx('.me-entry__title'), hint: await fontPx('.switch-row__hint') };
    await snap(page, 'large-text', '00-me-standard');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.classList.contains('text-large'))).toBe(true);
    const after = { title: await fontPx('.me-entry__title'), hint: await fontPx('.switch-row__hint') };
    expect(after.title / before.title).toBeCloseTo(1.5, 1);
    expect(after.hint / before.hint).toBeCloseTo(1.5, 1);
    expect(before.hint).toBeGreaterThanOrEqual(12);

    // Remembered on the device: a reload keeps it.
    await page.reload();
    await visible('me');
    await expect.poll(() => on('me').locator('.js-large-text').getAttribute('aria-checked')).toBe('true');
    expect(await fontPx('.me-entry__title')).toBeCloseTo(after.title, 1);
    await snap(page, 'large-text', '01-me-large');
  });

  const loggedOutPages: PageVisit[] = [
    { name: 'login', root: 'login', url: () => 'packages/account/pages/login/index' },
    { name: 'register', root: 'register', url: () => 'packages/account/pages/register/index' },
    { name: 'me (logged out)', root: 'me', url: () => 'pages/me/index' },
  ];

  const pages: PageVisit[] = [
    { name: 'home', root: 'home', url: () => 'pages/home/index', ready: '.js-home-bound-card' },
    { name: 'guides', root: 'guides', url: () => 'pages/guides/index' },
    { name: 'history', root: 'history', url: () => 'pages/history/index', ready: '.js-entry' },
    { name: 'me', root: 'me', url: () => 'pages/me/index', ready: '.js-me-account' },
    {
      name: 'guide detail',
      root: 'guide',
      url: () => `packages/guides/pages/detail/index?slug=${ids.guideSlug}`,
      ready: '.timeline__step',
    },
    {
      name: 'channel',
      root: 'channel',
      url: () => `packages/guides/pages/channel/index?card=zhonggangtong&id=${ids.channelId}`,
      ready: '.detail-head__title',
    },
    { name: 'cards', root: 'cards', url: () => 'packages/cards/pages/list/index', ready: '.js-card-item' },
    {
      name: 'card detail',
      root: 'card-detail',
      url: () => `packages/cards/pages/detail/index?id=${ids.cardId}`,
      ready: '.js-reminder-status',
    },
    {
      name: 'card detail (遠遊卡)',
      root: 'card-detail',
      url: () => `packages/cards/pages/detail/index?id=${ids.yuanyouId}`,
      ready: '.js-reminder-status',
    },
    { name: 'card add', root: 'card-add', url: () => 'packages/cards/pages/add/index' },
    { name: 'inbox', root: 'messages', url: () => 'packages/messages/pages/inbox/index' },
    {
      name: 'top-up amount',
      root: 'topup-amount',
      url: () => `packages/topup/pages/amount/index?cardId=${ids.yuanyouId}`,
      ready: '.js-topup-next',
    },
    {
      name: 'top-up confirm',
      root: 'topup-confirm',
      url: () => `packages/topup/pages/confirm/index?cardId=${ids.cardId}&amount=20000&method=wechatpay`,
      ready: '.js-confirm-total',
    },
    {
      name: 'cashier',
      root: 'cashier',
      url: () => `packages/topup/pages/cashier/index?orderId=${ids.unpaidOrderId}`,
      ready: '.js-cashier-amount',
    },
    { name: 'orders', root: 'orders', url: () => 'packages/topup/pages/orders/index' },
    { name: 'order', root: 'order', url: () => `packages/topup/pages/order/index?id=${ids.orderId}` },
    {
      name: 'top-up result',
      root: 'topup-result',
      url: () => `packages/topup/pages/result/index?orderId=${ids.creditedOrderId}`,
      ready: '.js-result-credited',
    },
    {
      name: 'card history',
      root: 'card-history',
      url: () => `packages/history/pages/card/index?id=${ids.cardId}`,
      ready: '.js-entry',
    },
    { name: 'receipt', root: 'receipt', url: () => `packages/history/pages/receipt/index?id=${ids.transactionId}` },
    {
      name: 'statement',
      root: 'statement',
      url: () => `packages/history/pages/statement/index?id=${ids.cardId}&month=${ids.month}`,
      ready: '.js-statement-closing',
    },
    { name: 'trip', root: 'trip', url: () => `packages/cards/pages/trip/index?id=${ids.cardId}`, ready: '.js-segment' },
    { name: 'planner', root: 'planner', url: () => `packages/cards/pages/planner/index?id=${ids.cardId}` },
  ];

  for (const width of [375, 320]) {
    it(`holds every logged-out page at 1.5× text, ${width} px wide`, async () => {
      await page.setViewportSize({ width, height: 812 });
      const problems: string[] = [];
      for (const visit of loggedOutPages) {
        problems.push(...(await check(visit)));
        if (width === 375) await snap(page, 'large-text', `${visit.name.replace(/\W+/g, '-')}-375`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('logs in with the demo account', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const printed = server.logs();
    const phone = /Phone\s+\+86 (\d{3}) (\d{4}) (\d{4})/.exec(printed);
    const password = /Password\s+(\S+)/.exec(printed)?.[1] ?? '';
    expect(phone, printed).not.toBeNull();
    await page.goto(server.baseUrl + '/#/packages/account/pages/login/index');
    await visible('login');
    await on('login')
      .locator('.js-phone-input input')
      .fill(phone?.slice(1).join('') ?? '');
    await on('login').locator('.js-password-input input').fill(password);
    await on('login').locator('.js-login-submit').click();
    await visible('me', 15_000);

    const token = await appSessionToken(page);
    expect(token).not.toBe('');
    const { cards } = await api<{ cards: { id: string; type: string }[] }>('/api/v1/cards', token);
    ids.cardId = cards.find((card) => card.type === 'zhonggangtong')?.id ?? '';
    ids.yuanyouId = cards.find((card) => card.type === 'yuanyou')?.id ?? '';
    const { orders } = await api<{ orders: { id: string; state: string }[] }>('/api/v1/orders', token);
    ids.orderId = orders[0]?.id ?? '';
    ids.creditedOrderId = orders.find((order) => order.state === 'credited')?.id ?? '';
    // One left unpaid, by credit card (the cashier with the most lines), for the cashier and 我的's badge.
    const created = await fetch(`${server.baseUrl}/api/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'large-text-unpaid-order-0001',
      },
      body: JSON.stringify({ cardId: ids.yuanyouId, amountMinor: 50_000, method: 'credit_card' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    ids.unpaidOrderId = ((await created.json()) as { id: string }).id;
    const { transactions } = await api<{ transactions: { id: string; createdAt: string }[] }>(
      '/api/v1/transactions',
      token,
    );
    ids.transactionId = transactions[0]?.id ?? '';
    // The month of the newest entry, in the cards' home time (UTC+8), like the statement page.
    const newest = new Date(Date.parse(transactions[0]?.createdAt ?? '') + 8 * 3600_000);
    ids.month = newest.toISOString().slice(0, 7);
    const { guides } = await api<{ guides: { slug: string }[] }>('/api/v1/guides?card=zhonggangtong', token);
    ids.guideSlug = guides[0]?.slug ?? '';
    const { channels } = await api<{ channels: { id: string }[] }>('/api/v1/channels?card=zhonggangtong', token);
    ids.channelId = channels[0]?.id ?? '';
    expect(Object.values(ids).every((value) => value !== '')).toBe(true);
  });

  for (const width of [375, 320]) {
    it(`holds every page at 1.5× text, ${width} px wide`, async () => {
      await page.setViewportSize({ width, height: 812 });
      const problems: string[] = [];
      for (const [index, visit] of pages.entries()) {
        problems.push(...(await check(visit)));
        if (width === 375) {
          await snap(page, 'large-text', `${String(index + 10)}-${visit.name.replace(/\W+/g, '-')}-375`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  // English words are long: the narrowest phone for clipping, the common width for how titles and
  // notices break (at 320 px they happen to fall between words).
  for (const [width, first] of [
    [320, 40],
    [375, 70],
  ] as const) {
    it(`holds every page at 1.5× text in English, ${width} px wide`, async () => {
      await page.setViewportSize({ width, height: 812 });
      // The language is read when the app starts: store it, then reload.
      await page.evaluate(() => localStorage.setItem('cbc.lang', JSON.stringify({ data: 'en' })));
      await page.reload();
      const problems: string[] = [];
      for (const [index, visit] of pages.entries()) {
        problems.push(...(await check(visit)));
        await snap(page, 'large-text', `${String(index + first)}-en-${visit.name.replace(/\W+/g, '-')}-${width}`);
      }
      expect(problems).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }
});
