// `npm run lighthouse`: Lighthouse 12.2 (13 needs Node 22) on the h5 build served by the real server,
// in Debian's Chromium, with Lighthouse's default mobile emulation and simulated throttling, on the
// home, guides, top-up amount and history pages. Not part of `npm test`: scores move with the load
// on the machine, so this is a measurement, read by a person (targets of issue 8 are printed beside).
//
// LIGHTHOUSE_RUNS (runs per page, 3; the median is reported), LIGHTHOUSE_PAGES (home,guides,topup,history),
// E2E_REUSE_BUILD=1 (use the existing miniapp/dist/h5 instead of building), CHROMIUM_PATH (/usr/bin/chromium).
// In a checkout shared with other work: LIGHTHOUSE_H5_DIR (audit that copy of an h5 build, e.g. one saved
// right after building, since another build may empty dist/h5 meanwhile) and LIGHTHOUSE_SERVER_DIR (a
// checkout whose server/src/server.ts serves it, e.g. `git archive HEAD` while server/ is mid-change).
// Full reports (HTML + JSON) go to tests/.artifacts/lighthouse/.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { ensureH5Build } from '../support/build';
import { h5Dir, repoRoot } from '../support/paths';
import { buildServerBundle } from '../../scripts/lib/server-bundle.mjs';
import { startServer } from '../support/server';
import { createAuditAccount, type AuditAccount } from './account';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Partial<Record<Category, number>> = { performance: 90, accessibility: 95, 'best-practices': 95 };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPORT_DIR = join(repoRoot, 'tests', '.artifacts', 'lighthouse');

interface AuditPage {
  name: string;
  /** Hash route of the h5 build (Taro's router is in hash mode). */
  route: (account: AuditAccount) => string;
  /** Logged in: the session is put in localStorage first, as the app itself keeps it. */
  loggedIn: boolean;
}

const PAGES: AuditPage[] = [
  { name: 'home', route: () => '/', loggedIn: false },
  { name: 'guides', route: () => '/#/pages/guides/index', loggedIn: false },
  {
    name: 'topup',
    route: (account) => `/#/packages/topup/pages/amount/index?cardId=${account.cardId}`,
    loggedIn: true,
  },
  { name: 'history', route: () => '/#/pages/history/index', loggedIn: true },
];

/**
 * Stores the session the way the app does (Taro's h5 storage keeps `{ data }` as JSON under the key).
 * Done on a JSON route of the same origin, so the app's files are not loaded (and cached) before the audit.
 */
async function storeSession(port: number, baseUrl: string, account: AuditAccount): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(`${baseUrl}/api/v1/health`);
    await page.evaluate(
      (value) => localStorage.setItem('cbc.session.v1', JSON.stringify({ data: value })),
      account.session,
    );
    await page.close();
  } finally {
    // Disconnects only: the browser belongs to chrome-launcher.
    await browser.close();
  }
}

async function audit(baseUrl: string, page: AuditPage, account: AuditAccount, run: number): Promise<Result> {
  // A fresh profile per run: every audit is a first visit with a cold HTTP cache.
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-sync'],
  });
  try {
    if (page.loggedIn) await storeSession(chrome.port, baseUrl, account);
    const flags: Flags = {
      port: chrome.port,
      output: ['html', 'json'],
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // Keeps the stored session; the cache is still cold (new profile, nothing loaded from the app yet).
      disableStorageReset: page.loggedIn,
    };
    const result = await lighthouse(baseUrl + page.route(account), flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.name}`);
    const [html, json] = result.report as string[];
    writeFileSync(join(REPORT_DIR, `${page.name}-${run}.html`), html ?? '');
    writeFileSync(join(REPORT_DIR, `${page.name}-${run}.json`), json ?? '');
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** The audits that cost points, for the person reading the output. */
function failedAudits(lhr: Result): string[] {
  const lines: string[] = [];
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) {
      const item = lhr.audits[ref.id];
      if (!item || ref.weight === 0 || item.score === null || item.score >= 0.9) continue;
      const value = item.displayValue ? ` (${item.displayValue})` : '';
      lines.push(`${category.id}: ${item.id} ${Math.round(item.score * 100)}${value}`);
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const selected = new Set((process.env.LIGHTHOUSE_PAGES ?? PAGES.map((p) => p.name).join(',')).split(','));
  mkdirSync(REPORT_DIR, { recursive: true });
  const sourceDir = process.env.LIGHTHOUSE_H5_DIR;
  if (!sourceDir) await ensureH5Build();
  // A copy: a build started meanwhile in the same checkout must not swap files under a running audit.
  const staticDir = mkdtempSync(join(tmpdir(), 'cbc-lighthouse-h5-'));
  cpSync(sourceDir ?? h5Dir, staticDir, { recursive: true });
  const serverDir = process.env.LIGHTHOUSE_SERVER_DIR;
  if (!serverDir) await buildServerBundle();
  const server = await startServer(
    {
      STATIC_DIR: staticDir,
      CREDIT_DELAY_SECONDS: '0',
      JOB_INTERVAL_MS: '200',
      SIM_PROBE_RATE: '0',
      LOG_LEVEL: 'warn',
    },
    serverDir ? { entry: relative(repoRoot, join(serverDir, 'server', 'src', 'server.ts')) } : {},
  );
  let missed = 0;
  try {
    const pages = PAGES.filter((p) => selected.has(p.name));
    // Only the logged-in pages need the account (a top-up and trips: a few seconds).
    const account = pages.some((p) => p.loggedIn)
      ? await createAuditAccount(server.baseUrl)
      : { session: undefined as never, cardId: '' };
    console.log(`Lighthouse ${RUNS}× per page, load average before: ${loadavg()[0]!.toFixed(1)}`);
    for (const page of pages) {
      const results: Result[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        // Lighthouse 12.2 now and then fails to read the trace of today's Chromium (NO_NAVSTART):
        // such a run has no scores, so it is run again (twice at most) rather than counted as 0.
        for (let attempt = 1; ; attempt += 1) {
          const lhr = await audit(server.baseUrl, page, account, run);
          if (!lhr.runtimeError) {
            results.push(lhr);
            break;
          }
          console.log(`  ${page.name} run ${run}: ${lhr.runtimeError.code}${attempt < 3 ? ', again' : ', given up'}`);
          if (attempt === 3) break;
        }
      }
      if (results.length === 0) throw new Error(`no Lighthouse run of ${page.name} produced scores`);
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, median(results.map((r) => Math.round((r.categories[c]?.score ?? 0) * 100)))]),
      ) as Record<Category, number>;
      const metrics = (id: string) => median(results.map((r) => r.audits[id]?.numericValue ?? NaN));
      const perfRuns = results.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join('/');
      console.log(
        `${page.name.padEnd(8)} performance ${scores.performance} (${perfRuns}), accessibility ${scores.accessibility}, ` +
          `best practices ${scores['best-practices']}, SEO ${scores.seo} · FCP ${Math.round(metrics('first-contentful-paint'))} ms, ` +
          `LCP ${Math.round(metrics('largest-contentful-paint'))} ms, TBT ${Math.round(metrics('total-blocking-time'))} ms, ` +
          `CLS ${metrics('cumulative-layout-shift').toFixed(3)}, transfer ${Math.round(metrics('total-byte-weight') / 1024)} KiB`,
      );
      for (const [category, target] of Object.entries(TARGETS) as [Category, number][]) {
        if (scores[category] < target) {
          missed += 1;
          console.log(`  below target: ${category} ${scores[category]} < ${target}`);
        }
      }
      const medianRun = results.find(
        (r) => Math.round((r.categories.performance?.score ?? 0) * 100) === scores.performance,
      );
      for (const line of failedAudits(medianRun ?? results[0]!)) console.log(`  ${line}`);
    }
  } finally {
    await server.stop();
    rmSync(staticDir, { recursive: true, force: true });
  }
  console.log(`Reports: ${REPORT_DIR}`);
  if (missed > 0) process.exitCode = 1;
}

await main();
