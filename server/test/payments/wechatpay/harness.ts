import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { vi, type Mock } from 'vitest';
import { openTestDatabase } from '../../fixtures/database';
import { migrateToLatest } from '../../../src/db/migrator';
import type { Database } from '../../../src/db/schema/index';
import { fetchTransport, type HttpTransport } from '../../../src/http/transport';
import { createNotificationOutbox, type NotificationOutbox } from '../../../src/payment-sims/outbox';
import {
  createWechatPaySimulator,
  ensureWechatPayKeys,
  type WechatPaySimulator,
} from '../../../src/payment-sims/wechatpay/index';
import type { PaymentNotificationHandler, PaymentOrder, PaymentProvider } from '../../../src/payments/provider';
import {
  WECHATPAY_NOTIFY_PATH,
  createWechatPayProvider,
  loadWechatPayMerchant,
  wechatPayNotifyRoutes,
  type WechatPayMerchant,
} from '../../../src/payments/wechatpay/index';
import { testClock, type TestClock } from '../../fixtures/clock';

/**
 * One simulated WeChat Pay platform and one merchant, for real: keys generated in a temp DATA_DIR, a
 * freshly migrated SQLite file, the simulator's v3 routes and the notify route on a bare Fastify that
 * listens on 127.0.0.1, the merchant provider calling it over HTTP, and the real notification outbox.
 * The clock starts at the real time (the SDK checks signatures against Date.now()) and tests may move it.
 */

export const CAPTURE_PATH = '/test/captured-notify';

export interface CapturedNotification {
  headers: Record<string, string>;
  body: string;
}

export interface LogLine {
  level: number;
  msg?: string;
  reason?: string;
  [key: string]: unknown;
}

export interface WechatPayHarness {
  dataDir: string;
  db: Kysely<Database>;
  time: TestClock;
  app: FastifyInstance;
  origin: string;
  merchant: WechatPayMerchant;
  sim: WechatPaySimulator;
  provider: PaymentProvider;
  outbox: NotificationOutbox;
  onPaid: Mock<PaymentNotificationHandler>;
  /** Notifications received on CAPTURE_PATH (answered 204). */
  captured: CapturedNotification[];
  /** PEM files as generated, for signing and verifying with the SDK. */
  pem: { merchantPrivate: string; platformPrivate: string; platformPublic: string };
  logs(): LogLine[];
  /** A provider with other deps (a broken transport, another merchant record). */
  providerWith(overrides: { merchant?: WechatPayMerchant; transport?: HttpTransport }): PaymentProvider;
  close(): Promise<void>;
}

export async function startWechatPay(): Promise<WechatPayHarness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cbc-wechatpay-test-'));
  const time = testClock(new Date());
  const clock = time.clock;
  await ensureWechatPayKeys(dataDir);
  const merchant = await loadWechatPayMerchant(dataDir);
  const { db, drop } = await openTestDatabase(dataDir, 'test.sqlite');
  await migrateToLatest(db);

  // The outbox is built from the simulator's format, so it comes second and the simulator reaches it late.
  const late: { outbox?: NotificationOutbox } = {};
  const sim = await createWechatPaySimulator({
    dataDir,
    db,
    clock,
    outbox: {
      enqueue: async (notification, executor) => {
        if (!late.outbox) throw new Error('outbox not built yet');
        await late.outbox.enqueue(notification, executor);
      },
    },
  });
  const outbox = createNotificationOutbox({
    db,
    clock,
    transport: fetchTransport(),
    formats: [sim.notificationFormat],
    log: pino({ level: 'silent' }),
    timeScale: 1,
    probeRate: 0,
  });
  late.outbox = outbox;

  const lines: string[] = [];
  const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } });
  const onPaid = vi.fn<PaymentNotificationHandler>(async () => 'applied');
  const captured: CapturedNotification[] = [];
  await app.register(sim.routes);
  await app.register(wechatPayNotifyRoutes({ merchant, clock, onPaid }));
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(CAPTURE_PATH, async (request, reply) => {
      captured.push({ headers: request.headers as Record<string, string>, body: String(request.body) });
      return reply.code(204).send();
    });
  });
  // An API route on the default JSON parser: the payment scopes must leave it alone.
  app.post('/api/echo', async (request) => ({ echoed: request.body }));
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });

  const providerWith = (overrides: { merchant?: WechatPayMerchant; transport?: HttpTransport }) =>
    createWechatPayProvider({
      merchant: overrides.merchant ?? merchant,
      baseUrl: () => origin,
      notifyUrl: () => `${origin}${WECHATPAY_NOTIFY_PATH}`,
      transport: overrides.transport ?? fetchTransport(),
      clock,
    });

  const read = (...parts: string[]) => readFile(path.join(dataDir, ...parts), 'utf8');
  return {
    dataDir,
    db,
    time,
    app,
    origin,
    merchant,
    sim,
    provider: providerWith({}),
    outbox,
    onPaid,
    captured,
    pem: {
      merchantPrivate: await read('wechatpay', 'apiclient_key.pem'),
      platformPrivate: await read('wechatpay-sim', 'platform_key.pem'),
      platformPublic: await read('wechatpay', 'pub_key.pem'),
    },
    logs: () => lines.map((line) => JSON.parse(line) as LogLine),
    providerWith,
    async close() {
      await app.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let serial = 0;
/** A fresh order for the harness's merchant, payable for 15 minutes of the harness clock. */
export function newOrder(h: WechatPayHarness, overrides: Partial<PaymentOrder> = {}): PaymentOrder {
  serial += 1;
  return {
    outTradeNo: `T${Date.now().toString(36)}${serial}${randomBytes(3).toString('hex')}`,
    method: 'wechatpay',
    amountMinor: 10_000,
    currency: 'CNY',
    description: '中港通卡充值 ¥100.00',
    expiresAt: new Date(h.time.now().getTime() + 15 * 60 * 1000),
    payer: { userId: 'user-1', openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    ...overrides,
  };
}

export const SAMPLE_OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
export const SAMPLE_TRANSACTION_ID = '4200001234202506011234567890';

/** A paid transaction of the harness's merchant and app, the cleartext of a payment notification. */
export function paidTransaction(h: WechatPayHarness, overrides: Record<string, unknown> = {}) {
  return {
    appid: h.merchant.appid,
    mchid: h.merchant.mchid,
    out_trade_no: 'NOTIFY-0001',
    transaction_id: SAMPLE_TRANSACTION_ID,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: '2025-06-01T16:00:00+08:00',
    payer: { openid: SAMPLE_OPENID },
    amount: { total: 10000, payer_total: 10000, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  };
}
