// `npm run bench`: throughput and latency of the API's hot routes and of the top-up cycle, each as a
// ratio to a bare Fastify route measured in the same run. Every server runs as its own process (the
// real entry point on SQLite) and this process is the load generator; they share two cores, so the
// ratios are the figures to compare across runs and machines, not the absolute numbers.
//
// BENCH_DURATION (s per route, 8), BENCH_CONNECTIONS (50), BENCH_CYCLE_DURATION (s, 10),
// BENCH_PHASES (routes,orders,cycles,history), BENCH_POLL_MS (10), BENCH_LOG_LEVEL (warn),
// BENCH_HISTORY_ENTRIES (entries on the history card, 10000),
// BENCH_PROFILE=<dir>: each server writes a V8 CPU profile there (node --cpu-prof) when it stops;
// summarise one with `npx tsx bench/profile-summary.ts <file> [top] [fromS] [toS]`.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServerBundle } from '../../scripts/lib/server-bundle.mjs';
import { h5Dir } from '../support/paths';
import { startServer, type RunningServer } from '../support/server';
import { BENCH_PASSWORD, OPEN_RATE_LIMITS, benchUsers } from './accounts';
import { runCycles } from './cycles';
import { checkPage, cursorAt, historyLogin, seedHistory } from './history';
import { checkLedger } from './ledger-check';
import { ORDERS_PER_CARD, loadOrderCreation } from './order-creation';
import { residentMemoryMb, startBareServer, waitForIdle } from './processes';
import { printTable, type Row } from './report';
import { loadRoute, type LoadOptions } from './routes';

const load: LoadOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  durationS: Number(process.env.BENCH_DURATION ?? 8),
};
const CYCLE_DURATION_S = Number(process.env.BENCH_CYCLE_DURATION ?? 10);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'routes,orders,cycles,history').split(','));
const HISTORY_ENTRIES = Number(process.env.BENCH_HISTORY_ENTRIES ?? 10_000);
const PROFILE_DIR = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : undefined;
/** warn, as the bench always ran; `info` adds Fastify's two log lines per request. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';

/** Targets of issue 6 (2 cores, SQLite, 50 connections), and issue 7's history pages as a share of the bare route. */
const TARGET = { createPerS: 1_500, cyclesPerS: 500, p99Ms: 25, historyShareOfBare: 0.5 };

function profiled(name: string): { nodeArgs: string[] } {
  if (!PROFILE_DIR) return { nodeArgs: [] };
  const dir = join(PROFILE_DIR, name);
  mkdirSync(dir, { recursive: true });
  return { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] };
}

// Every server below runs the bundle of the current source, as `npm start` does.
await buildServerBundle();

const rows: Row[] = [];
const notes: string[] = [];
// Other work on the machine skews every absolute figure: say how busy it was before the bench added its own.
const loadBefore = loadavg()[0] ?? 0;

/** The ceiling: a bare Fastify route in its own process, loaded the same way as every route below. */
async function measureBare(when: string): Promise<Row> {
  const bare = await startBareServer();
  try {
    return await loadRoute({ name: `bare Fastify route (${when})`, url: `${bare.baseUrl}/bare` }, load, bare.pid);
  } finally {
    await bare.stop();
  }
}
rows.push(await measureBare('own process, first'));

if (PHASES.has('routes') || PHASES.has('orders')) {
  const server = await startServer({ LOG_LEVEL, ...OPEN_RATE_LIMITS }, profiled('routes'));
  try {
    // 40 users × 5 cards × 200 orders of ¥50: room for 40,000 orders before any card reaches its cap.
    const users = await benchUsers(server.baseUrl, 40, 0);
    const cards = users.flatMap((user) => user.cards);
    notes.push(`server RSS idle ${residentMemoryMb(server.pid)} MB`);
    if (PHASES.has('routes')) {
      const first = users[0];
      if (!first) throw new Error('no bench user');
      const bearer = { authorization: `Bearer ${first.token}` };
      const base = server.baseUrl;
      const h5Built = existsSync(join(h5Dir, 'index.html'));
      if (!h5Built) notes.push('h5 index.html row skipped: the h5 build is missing (npm run build:h5)');
      const routes = [
        { name: 'health (db select 1)', url: `${base}/api/v1/health` },
        { name: 'guide list', url: `${base}/api/v1/guides?card=zhonggangtong&lang=zh-Hans` },
        { name: 'guide detail', url: `${base}/api/v1/guides/yuanyou-online?lang=zh-Hant` },
        { name: 'channels', url: `${base}/api/v1/channels?card=yuanyou&lang=en` },
        { name: 'bad input (400)', url: `${base}/api/v1/guides?card=octopus` },
        ...(h5Built ? [{ name: 'h5 index.html', url: `${base}/` }] : []),
        { name: 'me (session lookup)', url: `${base}/api/v1/me`, headers: bearer },
        { name: 'my cards', url: `${base}/api/v1/cards`, headers: bearer },
        {
          name: 'login (scrypt)',
          url: `${base}/api/v1/auth/login`,
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: first.phone, password: BENCH_PASSWORD }),
        },
      ];
      for (const route of routes) {
        await waitForIdle(server.pid);
        const row = await loadRoute(route, load, server.pid);
        // The 400 route is meant to answer 400: its "failures" are its successes.
        rows.push(route.name.startsWith('bad input') ? { ...row, failed: 0 } : row);
      }
    }
    if (PHASES.has('orders')) {
      await waitForIdle(server.pid);
      const row = await loadOrderCreation(server.baseUrl, cards, load, server.pid);
      const capacity = cards.length * ORDERS_PER_CARD;
      if (row.rate * load.durationS > capacity) notes.push(`order creation may have reached the monthly caps`);
      rows.push({
        ...row,
        target: {
          text: `≥ ${TARGET.createPerS}/s, p99 < ${TARGET.p99Ms} ms`,
          met: row.rate >= TARGET.createPerS && (row.p99 ?? Infinity) < TARGET.p99Ms && row.failed === 0,
        },
      });
    }
  } finally {
    await server.stop();
  }
}

if (PHASES.has('cycles')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-bench-'));
  let server: RunningServer | undefined;
  try {
    server = await startServer(
      {
        LOG_LEVEL,
        ...OPEN_RATE_LIMITS,
        DATA_DIR: dataDir,
        CREDIT_DELAY_SECONDS: '0',
        SIM_PROBE_RATE: '0',
        JOB_INTERVAL_MS: '50',
      },
      profiled('cycles'),
    );
    const users = await benchUsers(server.baseUrl, 25, 1_000);
    await waitForIdle(server.pid);
    const result = await runCycles(
      server,
      users.flatMap((user) => user.cards),
      {
        virtualUsers: load.connections,
        warmupS: 2,
        durationS: CYCLE_DURATION_S,
        pollMs: Number(process.env.BENCH_POLL_MS ?? 10),
        creditTimeoutMs: 10_000,
      },
    );
    const rssMb = residentMemoryMb(server.pid);
    const logs = server.logs();
    await server.stop();
    server = undefined;
    const [whole, ...steps] = result.rows;
    if (!whole) throw new Error('no cycle row');
    rows.push({
      ...whole,
      rssMb,
      target: {
        text: `≥ ${TARGET.cyclesPerS}/s`,
        met: whole.rate >= TARGET.cyclesPerS && whole.failed === 0,
      },
    });
    steps.forEach((step, index) =>
      rows.push(
        index < 3
          ? { ...step, target: { text: `p99 < ${TARGET.p99Ms} ms`, met: (step.p99 ?? Infinity) < TARGET.p99Ms } }
          : step,
      ),
    );
    const check = checkLedger(dataDir, result.orderIds);
    rows.push({
      name: '  server: paid at platform → credited',
      rate: 0,
      unit: '—',
      p50: check.paidToCredited.p50,
      p99: check.paidToCredited.p99,
      failed: 0,
    });
    notes.push(
      `cycles: ${result.cycles} measured in ${CYCLE_DURATION_S} s with ${load.connections} virtual users ` +
        `(${result.pollsPerCycle.toFixed(1)} polls of GET /orders/:id per cycle, every ${process.env.BENCH_POLL_MS ?? 10} ms)`,
      `ledger check (SQLite, read-only, after stop): ${check.orders} orders ${JSON.stringify(check.byState)}, ` +
        `every order credited: ${check.allCredited ? 'yes' : 'NO'}; ${check.wrongEntries} orders with wrong ` +
        `entries, ${check.wrongBalances} balances ≠ ledger, ${check.receipts} SMS receipts, ` +
        `${check.retriedNotifications} notifications retried → ${check.ok ? 'OK' : 'FAILED'}`,
    );
    if (result.failures.length > 0) notes.push(`cycle failures (first 3): ${result.failures.slice(0, 3).join(' | ')}`);
    const errorLines = logs.split('\n').filter((line) => /"level":(50|60)/.test(line));
    if (errorLines.length > 0) notes.push(`server logged ${errorLines.length} errors, first: ${errorLines[0]}`);
    if (!check.ok || (!check.allCredited && result.failures.length === 0)) process.exitCode = 1;
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// History (issue 7): one card with 10,000 entries, its first page and a page deep behind a cursor, on a
// server of its own whose database was filled through the server's services before it started.
const historyRows: Row[] = [];
if (PHASES.has('history')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-bench-history-'));
  let server: RunningServer | undefined;
  try {
    const seed = await seedHistory(dataDir, HISTORY_ENTRIES);
    server = await startServer({ LOG_LEVEL, ...OPEN_RATE_LIMITS, DATA_DIR: dataDir }, profiled('history'));
    const token = await historyLogin(server.baseUrl, seed);
    const list = `${server.baseUrl}/api/v1/cards/${seed.cardId}/transactions`;
    const depth = Math.max(0, Math.floor((seed.entries * 0.9) / 100) * 100);
    const deep = `${list}?cursor=${await cursorAt(server.baseUrl, token, seed.cardId, depth)}`;
    await checkPage(list, token, { size: 20, hasNext: true });
    await checkPage(deep, token, { size: 20, hasNext: seed.entries > depth + 20 });
    const bearer = { authorization: `Bearer ${token}` };
    const routes = [
      { name: `history first page (card with ${seed.entries.toLocaleString('en')} entries)`, url: list },
      { name: `history deep cursor page (entries ${depth + 1}–${depth + 20})`, url: deep },
    ];
    for (const route of routes) {
      await waitForIdle(server.pid);
      historyRows.push(await loadRoute({ ...route, headers: bearer }, load, server.pid));
    }
    // The same server's session lookup alone: what a page costs beyond authentication.
    await waitForIdle(server.pid);
    const me = await loadRoute(
      { name: '  me (session lookup, history server)', url: `${server.baseUrl}/api/v1/me`, headers: bearer },
      load,
      server.pid,
    );
    rows.push(...historyRows, me);
    const [first, deepRow] = historyRows;
    notes.push(
      `history: ${seed.entries} top-ups (order → pay → credited, one ledger entry and one SMS receipt each) made ` +
        `through OrdersService in ${seed.seedSeconds.toFixed(1)} s before the server started; deep page ÷ first page ` +
        `${first && deepRow ? (deepRow.rate / first.rate).toFixed(2) : '—'}, first page ÷ GET /me ` +
        `${first ? (first.rate / me.rate).toFixed(2) : '—'}`,
    );
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Measured again last: the ratios use the mean of both, so a busy moment at either end weighs half.
const bareFirst = rows[0];
const bareLast = await measureBare('own process, last');
rows.splice(1, 0, bareLast);
const bareRate = ((bareFirst?.rate ?? bareLast.rate) + bareLast.rate) / 2;
for (const row of historyRows) {
  row.target = {
    text: `≥ ${TARGET.historyShareOfBare * 100}% of bare`,
    met: row.rate >= TARGET.historyShareOfBare * bareRate && row.failed === 0,
  };
}

console.log(
  `${load.connections} connections, ${load.durationS} s per route; bare route ${Math.round(bareRate)} req/s (mean of both); ` +
    `load average before the run ${loadBefore.toFixed(1)} (2 cores; other work skews every absolute figure)`,
);
const bareCpu = [bareFirst?.cpuMsPerOp, bareLast.cpuMsPerOp].filter((ms): ms is number => ms !== undefined);
printTable(rows, {
  rate: bareRate,
  cpuMsPerOp: bareCpu.reduce((sum, ms) => sum + ms, 0) / bareCpu.length || undefined,
});
for (const note of notes) console.log(`- ${note}`);
if (PROFILE_DIR) console.log(`- CPU profiles in ${PROFILE_DIR}/{routes,cycles,history}`);
