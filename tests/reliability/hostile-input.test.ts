import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEVICE_ID_HEADER,
  TRANSACTIONS_CSV_PATH,
  api,
  boundCardSchema,
  errorEnvelopeSchema,
  generateCardNumber,
  generateHkid,
  guideListSchema,
  historyQuerySchema,
  languageSchema,
  orderSchema,
  transactionPageSchema,
  type Endpoint,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gifBytes, paddedPng, pngChunk, tinyJpeg } from '../../server/test/fixtures/images';
import { bindVerifiedCardThroughApi, registerThroughApi } from '../support/accounts';
import { callApi, okApi } from '../support/api';
import { snapshotData } from '../support/data-snapshot';
import { solidPng } from '../support/fixtures';
import {
  casesForRoute,
  fieldPart,
  filePart,
  headerCases,
  multipartBody,
  uploadCases,
  type HostileCase,
  type RouteUnderTest,
  type ValidRequest,
} from '../support/hostile-cases';
import { keepAliveAgent, sendRaw, sendRawBytes, type RawResult } from '../support/raw-http';
import { startServer, type RunningServer } from '../support/server';

/**
 * Hostile input for every route of the shared contracts, generated from their zod schemas
 * (support/hostile-cases.ts): wrong types, missing and extra fields, huge strings, deep JSON, invalid
 * UTF-8, NUL bytes, SQL and script fragments, odd path and query parameters, broken and oversize bodies,
 * hostile uploads, and requests Node's HTTP parser refuses. All go over real HTTP to one real server
 * process on SQLite, signed in as a real user with a real verified card, a credited order and an unpaid
 * one, so user-scoped routes get past auth and validate for real. Every reply: no 5xx, the error
 * envelope on every 4xx, the security headers; and afterwards the database and the data folder hold
 * exactly what they held before.
 */

// Brakes wide open: a 429 would hide whether the request behind it is validated (a 429 still passes).
const OPEN_LIMITS = {
  RATE_LIMIT_SMS_CODE_PHONE: '999999/1h',
  RATE_LIMIT_SMS_CODE_ADDRESS: '999999/1h',
  RATE_LIMIT_LOGIN_PHONE: '999999/1h',
  RATE_LIMIT_LOGIN_PHONE_ANY_ADDRESS: '999999/1h',
  RATE_LIMIT_LOGIN_ADDRESS: '999999/1h',
  RATE_LIMIT_WECHAT_ADDRESS: '999999/1h',
  RATE_LIMIT_REGISTER_PHONE: '999999/1h',
  RATE_LIMIT_REGISTER_ADDRESS: '999999/1h',
};

/**
 * Counted on purpose for every request to a braked route, refused or not (per address before the body is
 * read, failed logins per phone): these rows are the brakes doing their job, not data written from input.
 */
const COUNTER_TABLES = ['rate_counters'];

const CONCURRENCY = 8;
const MIN_CASES = 3_000;
const OWNER_PHONE = '13700137333';
const OWNER_CARD_NUMBER = generateCardNumber('zhonggangtong', '44444444444');
const OWNER_DEVICE = 'hostile-owner-device-0001';
/** The device every hostile request comes from: it never asked for an SMS code. */
const HOSTILE_DEVICE = 'hostile-client-device-0001';

/** The CSV export has no JSON contract but its schemas come from shared all the same. */
const csvExport: RouteUnderTest = {
  name: 'exportTransactionsCsv',
  endpoint: {
    method: 'GET',
    path: TRANSACTIONS_CSV_PATH as Endpoint['path'],
    auth: 'required',
    params: api.getCard.params,
    query: historyQuerySchema.pick({ from: true, to: true }).extend({ lang: languageSchema.optional() }),
  },
};

const routes: RouteUnderTest[] = [
  ...(Object.entries(api) as [string, Endpoint][]).map(([name, endpoint]) => ({ name, endpoint })),
  csvExport,
];

interface Owner {
  token: string;
  card: string;
  creditedOrder: string;
  unpaidOrder: string;
  transaction: string;
  slug: string;
}

/** The UTC+8 month of now, as the statement route takes it. */
const currentMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * A request that passes every schema of the route, for each route: the cases change one part of it. None
 * is ever sent as it is. `harmless` ones are refused by the route's own rules (a wrong password, an SMS
 * code never requested, a card already bound, a promotion or segment that does not exist), so the hostile
 * strings their schemas let through meet that wall and must write nothing either.
 */
function validRequests(owner: Owner): Record<string, Omit<ValidRequest, 'headers'> & { signedIn: boolean }> {
  const card = { id: owner.card };
  const unpaid = { id: owner.unpaidOrder };
  const none = { params: {}, query: {}, signedIn: true };
  return {
    health: { ...none, signedIn: false },
    listGuides: { params: {}, query: { card: 'zhonggangtong', lang: 'en' }, signedIn: false },
    getGuide: { params: { slug: owner.slug }, query: { lang: 'zh-Hant' }, signedIn: false },
    listChannels: { params: {}, query: { card: 'yuanyou' }, signedIn: false },
    requestSmsCode: {
      ...none,
      signedIn: false,
      body: { phone: { region: 'CN', number: '13700137999' }, purpose: 'register' },
    },
    // Anonymous, as a newcomer registers: the hostile values then reach the SMS code check.
    register: {
      ...none,
      signedIn: false,
      harmless: true,
      body: {
        phone: { region: 'CN', number: '13700137998' },
        email: 'newcomer@example.com',
        password: 'Hostile2026ok',
        smsCode: '123456',
      },
    },
    resetPassword: {
      ...none,
      signedIn: false,
      harmless: true,
      body: { phone: { region: 'CN', number: OWNER_PHONE }, smsCode: '123456', password: 'Hostile2026ok' },
    },
    login: {
      ...none,
      signedIn: false,
      harmless: true,
      body: { phone: { region: 'CN', number: OWNER_PHONE }, password: 'not-the-pass-1' },
    },
    wechatLogin: { ...none, signedIn: false, body: { code: 'hostile-wechat-code-0001' } },
    logout: none,
    me: none,
    listMessages: none,
    markMessagesRead: { ...none, harmless: true, body: { ids: [randomUUID()] } },
    listCards: none,
    // The owner's own card again (CARD_ALREADY_BOUND), with another holder's plate and document.
    bindCard: {
      ...none,
      harmless: true,
      body: {
        type: 'zhonggangtong',
        number: OWNER_CARD_NUMBER,
        plates: [{ region: 'hk', number: 'AB1234' }],
        idDocument: { type: 'hkid', number: generateHkid('A', '123456') },
        sample: false,
      },
    },
    getCard: { ...none, params: card },
    updateCard: { ...none, params: card, body: { isDefault: true } },
    unbindCard: { ...none, params: card },
    uploadIdPhoto: { ...none, params: card },
    getTopupOptions: { ...none, params: card },
    createOrder: {
      ...none,
      harmless: true,
      body: { cardId: owner.card, amountMinor: 5_000, method: 'wechatpay', promotionId: 'no-such-promotion' },
    },
    listOrders: { ...none, query: { cardId: owner.card } },
    getOrder: { ...none, params: { id: owner.creditedOrder } },
    payOrder: { ...none, params: unpaid },
    cancelOrder: { ...none, params: unpaid },
    sendCashierCode: { ...none, params: unpaid },
    confirmCashier: { ...none, params: unpaid, body: { outcome: 'success', password: '123456' } },
    listCardTransactions: { ...none, params: card, query: { kind: 'topup', limit: '10' } },
    listTransactions: { ...none, query: { limit: '10' } },
    getTransaction: { ...none, params: { id: owner.transaction } },
    resendReceipt: { ...none, params: { id: owner.transaction }, body: { channel: 'sms' } },
    getStatement: { ...none, params: { ...card, month: currentMonth() } },
    getMonthTotals: { ...none, params: card, query: { months: currentMonth() } },
    getAllMonthTotals: { ...none, query: { months: currentMonth() } },
    createTrip: { ...none, params: card, harmless: true, body: { segmentId: 'no-such-segment' } },
    getReminder: { ...none, params: card },
    setReminder: { ...none, params: card, body: { thresholdMinor: 1_000 } },
    getAutoTopup: { ...none, params: card },
    setAutoTopup: { ...none, params: card, body: { enabled: false } },
    exportTransactionsCsv: { ...none, params: card, query: { lang: 'en' } },
  };
}

/**
 * Routes that read `x-device-id` whoever calls (the device that asks for or enters an SMS code). The inbox
 * routes read it only without a session, and the cases send one.
 */
const READS_DEVICE_ID = new Set(['requestSmsCode', 'register', 'resetPassword']);

/** An image-looking upload the server must refuse, for each way an upload can go wrong. */
function hostileUploads(): Array<{
  label: string;
  body: Buffer;
  contentType?: string;
  cardId?: string;
  chunked?: boolean;
}> {
  const boundary = 'hostileBoundary7MA4YWxkTrZu0gW';
  const form = `multipart/form-data; boundary=${boundary}`;
  const png = solidPng(40, 30, [10, 20, 30]);
  const pngHead = png.subarray(0, 8 + 25);
  const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
  const upload = (label: string, parts: Parameters<typeof multipartBody>[0], extra: { cardId?: string } = {}) => ({
    label,
    body: multipartBody(parts, boundary),
    contentType: form,
    ...extra,
  });
  const hugeIhdr = Buffer.alloc(13);
  hugeIhdr.writeUInt32BE(100_000, 0);
  hugeIhdr.writeUInt32BE(100_000, 4);
  hugeIhdr[8] = 8;
  hugeIhdr[9] = 2;
  const badCrc = Buffer.from(png);
  badCrc[png.length - 20] = (badCrc[png.length - 20] ?? 0) ^ 0xff;
  return [
    upload('two files', [filePart(png), filePart(png, 'photo', 'second.png')]),
    upload('two files under different names', [filePart(png), filePart(png, 'other', 'other.png')]),
    upload('oversized file (2 MB + 1 byte)', [filePart(paddedPng(2 * 1024 * 1024 + 1))]),
    upload('oversized file (5 MB)', [filePart(paddedPng(5 * 1024 * 1024))]),
    upload('PNG header followed by HTML', [filePart(Buffer.concat([pngHead, html]))]),
    upload('whole PNG followed by HTML', [filePart(Buffer.concat([png, html]))]),
    upload('JPEG start and end around HTML', [
      filePart(
        Buffer.concat([Buffer.from([0xff, 0xd8]), html, Buffer.from([0xff, 0xd9])]),
        'photo',
        'id.jpg',
        'image/jpeg',
      ),
    ]),
    upload('JPEG followed by HTML', [filePart(Buffer.concat([tinyJpeg(), html]), 'photo', 'id.jpg', 'image/jpeg')]),
    upload('PNG with a broken CRC', [filePart(badCrc)]),
    upload('PNG cut before IEND', [filePart(png.subarray(0, png.length - 12))]),
    upload('PNG header claiming 100,000 × 100,000 pixels', [
      filePart(Buffer.concat([png.subarray(0, 8), pngChunk('IHDR', hugeIhdr), png.subarray(8 + 25)])),
    ]),
    upload('HTML named .png', [filePart(html)]),
    upload('SVG with a script', [
      filePart(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'photo',
        'id.svg',
        'image/svg+xml',
      ),
    ]),
    upload('GIF', [filePart(gifBytes(), 'photo', 'id.gif', 'image/gif')]),
    upload('empty file', [filePart(Buffer.alloc(0))]),
    upload('NUL bytes', [filePart(Buffer.alloc(4096, 0))]),
    upload('no file, a text field only', [fieldPart('photo', 'not a file')]),
    upload('the file under another field name', [filePart(png, 'document')]),
    upload('no parts at all', []),
    upload('traversal and NUL in the file name, HTML inside', [
      filePart(html, 'photo', '../../../etc/passwd\u0000.png'),
    ]),
    upload('script in the file name, HTML inside', [filePart(html, 'photo', '<script>alert(1)</script>.png')]),
    upload('100 text fields and an HTML file', [
      ...Array.from({ length: 100 }, (_, i) => fieldPart(`f${i}`, 'x')),
      filePart(Buffer.concat([pngHead, html])),
    ]),
    upload('a 4 KB text field and an HTML file', [fieldPart('note', 'n'.repeat(4096)), filePart(html)]),
    upload('a valid PNG to a random card id', [filePart(png)], { cardId: randomUUID() }),
    upload('a valid PNG to a malformed card id', [filePart(png)], { cardId: "' OR 1=1--" }),
    {
      label: 'body cut off mid-file',
      body: multipartBody([filePart(png)], boundary, { close: false }).subarray(0, 120),
      contentType: form,
    },
    { label: 'boundary that never appears', body: multipartBody([filePart(png)], 'other-boundary'), contentType: form },
    {
      label: 'multipart without a boundary',
      body: multipartBody([filePart(png)], boundary),
      contentType: 'multipart/form-data',
    },
    {
      label: 'a 200-character boundary',
      body: multipartBody([filePart(html)], 'b'.repeat(200)),
      contentType: `multipart/form-data; boundary=${'b'.repeat(200)}`,
    },
    { label: 'the PNG as the raw body (image/png)', body: png, contentType: 'image/png' },
    { label: 'JSON instead of a form', body: Buffer.from('{"photo":"iVBORw0KGgo="}'), contentType: 'application/json' },
    { label: 'no content type, PNG bytes', body: png },
    {
      label: 'oversized file (3 MB), chunked',
      body: multipartBody([filePart(paddedPng(3 * 1024 * 1024))], boundary),
      contentType: form,
      chunked: true,
    },
  ];
}

/** Requests Node's HTTP parser refuses (or must be read byte by byte): written straight to a socket. */
function parserCases(owner: Owner): Array<{ label: string; bytes: Buffer }> {
  const auth = `Authorization: Bearer ${owner.token}\r\n`;
  const text = (label: string, raw: string) => ({ label, bytes: Buffer.from(raw, 'latin1') });
  const withNul = (before: string, after: string) =>
    Buffer.concat([Buffer.from(before, 'latin1'), Buffer.from([0]), Buffer.from(after, 'latin1')]);
  return [
    {
      label: 'NUL in the path',
      bytes: withNul(`GET /api/v1/cards/${owner.card}`, ` HTTP/1.1\r\nHost: x\r\n${auth}\r\n`),
    },
    {
      label: 'NUL in a query',
      bytes: withNul('GET /api/v1/guides?card=zhonggangtong', ' HTTP/1.1\r\nHost: x\r\n\r\n'),
    },
    {
      label: 'NUL in a header value',
      bytes: withNul(`GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${owner.token}`, '\r\n\r\n'),
    },
    text('64 KB query', `GET /api/v1/guides?card=${'z'.repeat(64 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    text('64 KB path parameter', `GET /api/v1/cards/${'a'.repeat(64 * 1024)} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`),
    text('64 KB header', `GET /api/v1/me HTTP/1.1\r\nHost: x\r\n${auth}X-Filler: ${'f'.repeat(64 * 1024)}\r\n\r\n`),
    text('malformed request line', 'NOT A REQUEST\r\n\r\n'),
    text('unknown method', 'FOO /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n'),
    text('HTTP/2 preface on HTTP/1.1', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
    text('bare CR in a header', `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n${auth}\r\n`),
    text('space in a header name', `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n${auth}\r\n`),
    text(
      'Content-Length and Transfer-Encoding together',
      `POST /api/v1/cards/${owner.card}/trips HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ),
    text(
      'two different Content-Lengths',
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
    ),
    text('non-numeric Content-Length', `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}`),
    text(
      'invalid chunk size',
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    ),
    text('obsolete line folding', `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Fold: a\r\n b\r\n${auth}\r\n`),
  ];
}

/** Paths outside the contracts that a scanner tries first: the static site must not hand out files. */
const STRAY_PATHS = [
  '/../../../../etc/passwd',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/static/..%2f..%2f..%2fpackage.json',
  '/index.html%00.json',
  '/.env',
  '/.git/config',
  '/api/v1/../../package.json',
  '/api/v1/%ff',
  '/api/v1/cards/%zz',
  '/api/v2/cards',
  '/api/v1/' + 'x'.repeat(10_000),
];

interface Failure {
  label: string;
  problem: string;
  status?: number;
  body?: string;
}

const ERROR_BODY_LEAKS = /\bat .+:\d+:\d+|\/work\/|node_modules|\.ts\b|stack|SQLITE_|sqlite/i;

/** Everything asked of every reply; returns what is wrong with it, or null. */
function problemWith(result: RawResult, options: { mustRefuse: boolean }): Omit<Failure, 'label'> | null {
  if ('error' in result) return { problem: `no reply: ${result.error}` };
  const { status, headers, body } = result.reply;
  const fail = (problem: string) => ({ problem, status, body: body.slice(0, 300) });
  if (!(status >= 200 && status < 500)) return fail('status outside 2xx–4xx');
  if (headers['x-content-type-options'] !== 'nosniff') return fail('no x-content-type-options: nosniff');
  // An API reply's policy allows nothing, a document's only this origin: either denies by default.
  if (!/default-src '(none|self)'/.test(String(headers['content-security-policy'] ?? '')))
    return fail('no content-security-policy');
  if (!headers['x-frame-options']) return fail('no x-frame-options');
  if (status >= 400) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return fail('error body is not JSON');
    }
    if (!errorEnvelopeSchema.safeParse(json).success) return fail('error body is not the envelope');
    if (!String(headers['content-type']).startsWith('application/json'))
      return fail('error without a JSON content type');
    if (headers['cache-control'] !== 'no-store') return fail('error reply may be cached');
    if (ERROR_BODY_LEAKS.test(body)) return fail('error body leaks internals');
  } else if (options.mustRefuse) {
    return fail('hostile request accepted');
  }
  return null;
}

async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

describe('hostile input on every route of the shared contracts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-hostile-'));
  let server: RunningServer | undefined;
  let owner: Owner;

  beforeAll(async () => {
    // First life: jobs on, so the order gets credited and its ledger entry exists.
    const setup = await startServer({
      DATA_DIR: dataDir,
      CREDIT_DELAY_SECONDS: '0',
      JOB_INTERVAL_MS: '50',
      SIM_PROBE_RATE: '0',
      LOG_LEVEL: 'warn',
    });
    try {
      owner = await makeOwner(setup);
    } finally {
      await setup.stop();
    }
    // Second life on the same data: background jobs off, so the only writes possible are the requests'.
    server = await startServer({
      DATA_DIR: dataDir,
      JOB_INTERVAL_MS: '0',
      SIM_PROBE_RATE: '0',
      LOG_LEVEL: 'warn',
      ...OPEN_LIMITS,
    });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names a valid request for every route, each passing the route’s schemas', () => {
    const valid = validRequests(owner);
    expect(Object.keys(valid).sort()).toEqual(routes.map((route) => route.name).sort());
    for (const { name, endpoint } of routes) {
      const request = valid[name];
      if (!request) throw new Error(`no valid request for ${name}`);
      expect(endpoint.params?.safeParse(request.params).success ?? true, `${name} params`).toBe(true);
      expect(endpoint.query?.safeParse(request.query).success ?? true, `${name} query`).toBe(true);
      if (endpoint.body && endpoint.bodyType !== 'multipart') {
        expect(endpoint.body.safeParse(request.body).success, `${name} body`).toBe(true);
      }
    }
  });

  it('answers every case without a 5xx, in the envelope, and writes nothing', async () => {
    const running = server as RunningServer;
    const started = Date.now();
    const valid = validRequests(owner);
    const cases: HostileCase[] = [];
    for (const route of routes) {
      const request = valid[route.name];
      if (!request) throw new Error(`no valid request for ${route.name}`);
      const headers: Record<string, string> = { [DEVICE_ID_HEADER]: HOSTILE_DEVICE };
      if (request.signedIn) headers.authorization = `Bearer ${owner.token}`;
      const full: ValidRequest = { ...request, headers };
      if (route.endpoint.bodyType === 'multipart') {
        cases.push(...uploadCases(route, full, hostileUploads()));
      }
      cases.push(...casesForRoute(route, full));
      cases.push(
        ...headerCases(route, full, {
          authorization: route.endpoint.auth !== undefined,
          deviceId: READS_DEVICE_ID.has(route.name),
          idempotencyKey: route.name === 'createOrder',
        }),
      );
    }
    for (const [i, path] of STRAY_PATHS.entries()) {
      cases.push({
        label: `stray path ${i}`,
        route: 'outside the contracts',
        method: 'GET',
        path,
        headers: {},
        category: 'params',
        schemaValid: true,
      });
    }
    const raw = parserCases(owner);

    const before = snapshotData(running.dataDir, { ignoreTables: COUNTER_TABLES });
    const failures: Failure[] = [];
    const agent = keepAliveAgent(CONCURRENCY);
    try {
      await runPool(cases, CONCURRENCY, async (hostile) => {
        const result = await sendRaw(running.baseUrl, agent, hostile);
        const problem = problemWith(result, { mustRefuse: hostile.method !== 'GET' && !hostile.schemaValid });
        if (problem) failures.push({ label: `${hostile.method} ${hostile.route}: ${hostile.label}`, ...problem });
        if (
          hostile.route === 'outside the contracts' &&
          'reply' in result &&
          /root:x:0:0|\[core\]|"workspaces"/.test(result.reply.body)
        ) {
          failures.push({ label: `${hostile.path}`, problem: 'a file outside the site was served' });
        }
      });
    } finally {
      agent.destroy();
    }
    await runPool(raw, 4, async ({ label, bytes }) => {
      const problem = problemWith(await sendRawBytes(running.baseUrl, bytes), { mustRefuse: false });
      if (problem) failures.push({ label: `raw: ${label}`, ...problem });
    });
    const after = snapshotData(running.dataDir, { ignoreTables: COUNTER_TABLES });

    const tried = cases.length + raw.length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`hostile input: ${tried} cases on ${routes.length} routes in ${seconds} s, ${failures.length} failed`);
    if (failures.length > 0) {
      // One line per kind of problem with a few examples: thousands of cases can fail the same way.
      const byProblem = new Map<string, Failure[]>();
      for (const failure of failures)
        byProblem.set(failure.problem, [...(byProblem.get(failure.problem) ?? []), failure]);
      for (const [problem, list] of byProblem) {
        console.log(
          `${list.length} × ${problem}:\n${list
            .slice(0, 8)
            .map((f) => `  ${f.label} → ${f.status ?? ''} ${f.body ?? ''}`)
            .join('\n')}`,
        );
      }
      console.log(running.logs().slice(-4000));
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(tried).toBeGreaterThan(MIN_CASES);
    expect(after).toEqual(before);

    // The owner's session, card and orders are as they were: the hostile run logged no one out.
    const me = await callApi(running, 'GET', '/api/v1/me', { token: owner.token });
    expect(me.status).toBe(200);
    const card = boundCardSchema.parse(
      await okApi(running, 'GET', `/api/v1/cards/${owner.card}`, { token: owner.token }),
    );
    expect(card).toMatchObject({ verification: 'verified', isDefault: true });
    const unpaid = orderSchema.parse(
      await okApi(running, 'GET', `/api/v1/orders/${owner.unpaidOrder}`, { token: owner.token }),
    );
    expect(unpaid.state).toBe('created');
  });
});

/** A real user through the real API: registered, a card bound and verified, one order credited, one unpaid. */
async function makeOwner(server: RunningServer): Promise<Owner> {
  const { token } = await registerThroughApi(server.baseUrl, {
    phone: OWNER_PHONE,
    password: 'owner2026ok',
    email: 'owner@example.com',
    deviceId: OWNER_DEVICE,
  });
  const card = await bindVerifiedCardThroughApi(server.baseUrl, token, { number: OWNER_CARD_NUMBER });

  const credited = orderSchema.parse(
    await okApi(server, 'POST', '/api/v1/orders', {
      token,
      body: { cardId: card.id, amountMinor: 10_000, method: 'wechatpay' },
      headers: { 'idempotency-key': 'hostile-owner-order-1' },
    }),
  );
  await okApi(server, 'POST', `/api/v1/orders/${credited.id}/pay`, { token });
  await okApi(server, 'POST', `/api/v1/orders/${credited.id}/cashier/confirm`, {
    token,
    body: { outcome: 'success', password: '123456' },
  });
  // A plain loop: expect.poll belongs inside a test, and this runs in beforeAll.
  for (let waited = 0; ; waited += 100) {
    const { state } = orderSchema.parse(await okApi(server, 'GET', `/api/v1/orders/${credited.id}`, { token }));
    if (state === 'credited') break;
    if (waited > 15_000) throw new Error(`order still ${state} after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const unpaid = orderSchema.parse(
    await okApi(server, 'POST', '/api/v1/orders', {
      token,
      body: { cardId: card.id, amountMinor: 5_000, method: 'wechatpay' },
      headers: { 'idempotency-key': 'hostile-owner-order-2' },
    }),
  );
  const page = transactionPageSchema.parse(
    await okApi(server, 'GET', `/api/v1/cards/${card.id}/transactions`, { token }),
  );
  const transaction = page.transactions[0]?.id;
  if (!transaction) throw new Error('the credited order left no transaction');
  const guides = guideListSchema.parse(await okApi(server, 'GET', '/api/v1/guides?card=zhonggangtong'));
  const slug = guides.guides[0]?.slug;
  if (!slug) throw new Error('no guide');
  return { token, card: card.id, creditedOrder: credited.id, unpaidOrder: unpaid.id, transaction, slug };
}
