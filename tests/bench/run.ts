// `npm run bench`: throughput, latency and memory of the API's hot routes. The server runs as its
// own process (the real entry point on SQLite) and autocannon loads it over loopback. Both share
// two cores, so compare routes with each other within one run rather than across machines.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startServer } from '../support/server';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const routes: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'health (db select 1)', path: '/api/v1/health' },
  { name: 'guide list', path: '/api/v1/guides?card=zhonggangtong&lang=zh-Hans' },
  { name: 'guide detail', path: '/api/v1/guides/yuanyou-online?lang=zh-Hant' },
  { name: 'channels', path: '/api/v1/channels?card=yuanyou&lang=en' },
  { name: 'bad input (400)', path: '/api/v1/guides?card=octopus' },
  { name: 'h5 index.html', path: '/' },
];

function residentMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const server = await startServer({ LOG_LEVEL: 'warn' });
try {
  const idleMb = residentMemoryMb(server.pid);
  const rows: Record<string, string | number>[] = [];
  for (const route of routes) {
    const result = await autocannon({
      url: server.baseUrl + route.path,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: route.headers,
    });
    rows.push({
      route: route.name,
      'req/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      'rss MB': residentMemoryMb(server.pid),
    });
  }
  console.log(`${CONNECTIONS} connections, ${DURATION_S} s per route; server RSS idle ${idleMb} MB`);
  console.table(rows);
} finally {
  await server.stop();
}
