import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { vi, type Mock } from 'vitest';
import { openTestDatabase } from '../fixtures/database';
import { migrateToLatest } from '../../src/db/migrator';
import type { Database } from '../../src/db/schema/index';
import { injectTransport } from '../../src/http/transport';
import { createMessagesService, type MessagesService } from '../../src/messages/service';
import {
  createNotificationOutbox,
  type NotificationFormat,
  type NotificationOutbox,
} from '../../src/payment-sims/outbox';
import type { PaymentNotificationHandler, PaymentOrder, ProviderTrade } from '../../src/payments/provider';
import { createKeyedHasher, type KeyedHasher } from '../../src/security/keyed-hash';
import { MINUTE, testClock, type TestClock } from '../fixtures/clock';

/**
 * What a simulated payment family needs in a test: its own temp DATA_DIR (real key files), a freshly
 * migrated SQLite file, one user with an inbox, the real messages service, and the merchant's notify
 * routes on a bare Fastify that the real outbox reaches through `inject`. Shared by the Alipay and
 * bank-card tests (alipay/env.ts and bankcard/env.ts set it up for each).
 */
export interface PaymentEnv {
  dataDir: string;
  db: Kysely<Database>;
  time: TestClock;
  hasher: KeyedHasher;
  messages: MessagesService;
  userId: string;
  /** The merchant's notify routes. */
  notifyApp: FastifyInstance;
  onPaid: Mock<PaymentNotificationHandler>;
  outbox: NotificationOutbox;
  close(): Promise<void>;
}

export const MERCHANT_ORIGIN = 'http://merchant.test';

export async function createPaymentEnv(options: {
  /** Makes the key files in the temp DATA_DIR before anything else is built. */
  prepareKeys: (dataDir: string) => Promise<void>;
  routes: (env: Pick<PaymentEnv, 'dataDir' | 'onPaid' | 'time'>) => Promise<FastifyPluginAsync>;
  format: (dataDir: string) => Promise<NotificationFormat>;
}): Promise<PaymentEnv> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cbc-payments-test-'));
  await options.prepareKeys(dataDir);
  const { db, drop } = await openTestDatabase(dataDir, 'test.sqlite');
  await migrateToLatest(db);
  const time = testClock('2026-12-02T06:00:00.000Z');
  const userId = randomUUID();
  await db
    .insertInto('users')
    .values({
      id: userId,
      phoneE164: '+8613900000001',
      phoneRegion: 'CN',
      email: null,
      passwordHash: null,
      wechatOpenid: null,
      createdAt: time.now().toISOString(),
    })
    .execute();

  const onPaid = vi.fn<PaymentNotificationHandler>(async () => 'applied');
  const notifyApp = Fastify();
  await notifyApp.register(await options.routes({ dataDir, onPaid, time }));
  await notifyApp.ready();

  const outbox = createNotificationOutbox({
    db,
    clock: time.clock,
    transport: injectTransport(notifyApp),
    formats: [await options.format(dataDir)],
    log: notifyApp.log,
    timeScale: 1,
    probeRate: 0,
  });

  return {
    dataDir,
    db,
    time,
    hasher: createKeyedHasher(randomBytes(32)),
    messages: createMessagesService({ db, clock: time.clock }),
    userId,
    notifyApp,
    onPaid,
    outbox,
    async close() {
      await notifyApp.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Forgets earlier calls of `onPaid`, which answers `applied` again: for a beforeEach. */
export function resetOnPaid(env: PaymentEnv): void {
  env.onPaid.mockReset();
  env.onPaid.mockResolvedValue('applied');
}

/** The trades `onPaid` was handed for one order (earlier tests' payments may be delivered too). */
export function paidCallsFor(env: PaymentEnv, outTradeNo: string): ProviderTrade[] {
  return env.onPaid.mock.calls.map(([trade]) => trade).filter((trade) => trade.outTradeNo === outTradeNo);
}

let serial = 0;
/** A fresh merchant order number per call (6–32 of [0-9A-Za-z_-]). */
export function newOutTradeNo(): string {
  serial += 1;
  return `T${Date.now().toString(36)}${String(serial).padStart(4, '0')}`;
}

/** A fresh order of the env's user, payable for 15 minutes of the env's clock. */
export function newPaymentOrder(
  env: Pick<PaymentEnv, 'time' | 'userId'>,
  fields: Pick<PaymentOrder, 'method' | 'amountMinor' | 'currency' | 'description'>,
  overrides: Partial<PaymentOrder> = {},
): PaymentOrder {
  return {
    outTradeNo: newOutTradeNo(),
    ...fields,
    expiresAt: new Date(env.time.now().getTime() + 15 * MINUTE),
    payer: { userId: env.userId, openid: 'o-unused' },
    ...overrides,
  };
}

export async function notificationsOf(db: Kysely<Database>, outTradeNo: string) {
  return db.selectFrom('sim_notifications').selectAll().where('outTradeNo', '=', outTradeNo).execute();
}

export async function tradeRow(db: Kysely<Database>, outTradeNo: string) {
  return db.selectFrom('sim_payments').selectAll().where('outTradeNo', '=', outTradeNo).executeTakeFirstOrThrow();
}
