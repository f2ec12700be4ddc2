// `npm run bench`: throughput, latency and memory of the API's hot routes. The server runs as its
// own process (the real entry point on SQLite) and autocannon loads it over loopback. Both share
// two cores, so compare routes with each other within one run rather than across machines.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import {
  DEVICE_ID_HEADER,
  generateCardNumber,
  generateMainlandId,
  sessionSchema,
  smsCodeReplySchema,
} from '@cbc/shared';
import { startServer } from '../support/server';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Route {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

function residentMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const reply = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!reply.ok) throw new Error(`${url} answered ${reply.status}: ${await reply.text()}`);
  return reply.json();
}

/** One registered user with one bound card, made through the API like the miniapp does. */
async function registeredUser(baseUrl: string): Promise<string> {
  const phone = { region: 'CN', number: '13912345678' };
  const device = { [DEVICE_ID_HEADER]: 'bench-device-0000000001' };
  const sms = smsCodeReplySchema.parse(
    await postJson(`${baseUrl}/api/v1/auth/sms-code`, { phone, purpose: 'register' }, device),
  );
  const smsCode = /(\d{6})/.exec(sms.message.body)?.[1] ?? '';
  const session = sessionSchema.parse(
    await postJson(`${baseUrl}/api/v1/auth/register`, { phone, password: 'bench2026pass', smsCode }),
  );
  await postJson(
    `${baseUrl}/api/v1/cards`,
    {
      type: 'zhonggangtong',
      number: generateCardNumber('zhonggangtong', '10000000001'),
      plates: [{ region: 'mainland', number: '粤Z1234港' }],
      idDocument: { type: 'mainland_id', number: generateMainlandId('440304', '19900101', '123') },
    },
    { authorization: `Bearer ${session.token}` },
  );
  return session.token;
}

// Login is deliberately slow (scrypt); its limits are opened wide here so the bench measures the hash.
const server = await startServer({
  LOG_LEVEL: 'warn',
  RATE_LIMIT_LOGIN_PHONE: '99999/1h',
  RATE_LIMIT_LOGIN_ADDRESS: '99999/1h',
});
try {
  const token = await registeredUser(server.baseUrl);
  const bearer = { authorization: `Bearer ${token}` };
  const routes: Route[] = [
    { name: 'health (db select 1)', path: '/api/v1/health' },
    { name: 'guide list', path: '/api/v1/guides?card=zhonggangtong&lang=zh-Hans' },
    { name: 'guide detail', path: '/api/v1/guides/yuanyou-online?lang=zh-Hant' },
    { name: 'channels', path: '/api/v1/channels?card=yuanyou&lang=en' },
    { name: 'bad input (400)', path: '/api/v1/guides?card=octopus' },
    { name: 'h5 index.html', path: '/' },
    { name: 'me (session lookup)', path: '/api/v1/me', headers: bearer },
    { name: 'my cards', path: '/api/v1/cards', headers: bearer },
    {
      name: 'login (scrypt)',
      path: '/api/v1/auth/login',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: { region: 'CN', number: '13912345678' }, password: 'bench2026pass' }),
    },
  ];

  const idleMb = residentMemoryMb(server.pid);
  const rows: Record<string, string | number>[] = [];
  for (const route of routes) {
    const result = await autocannon({
      url: server.baseUrl + route.path,
      method: route.method ?? 'GET',
      headers: route.headers,
      body: route.body,
      connections: CONNECTIONS,
      duration: DURATION_S,
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
