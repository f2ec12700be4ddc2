import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index';
import type { NotificationOutbox } from '../outbox';
import type { SimulatedPlatform } from '../platform';
import { createWechatPayCashier } from './cashier';
import { ensureWechatPayKeys, loadPlatformKeys } from './keys';
import { wechatPayNotificationFormat } from './notification-format';
import { wechatPayPlatformRoutes } from './routes';

/**
 * The simulated WeChat Pay platform: its v3 API (`routes`, mounted at the app root), its cashier
 * (the payer's side) and its notifications (the outbox's format). It reads the keys that
 * ensureWechatPayKeys created and never sees the merchant's private key.
 */

export interface WechatPaySimulatorDeps {
  dataDir: string;
  db: Kysely<Database>;
  clock: () => Date;
  /**
   * Only `enqueue` is used, at payment time: the outbox itself is built with this simulator's
   * `notificationFormat`, so a caller may pass `{ enqueue: (n, db) => outbox.enqueue(n, db) }` and
   * create the outbox afterwards.
   */
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  /** Compresses the 7-day default payable window of an order sent without time_expire (default 1). */
  timeScale?: number;
}

export type WechatPaySimulator = SimulatedPlatform & { routes: FastifyPluginAsync };

/** v3: an order without time_expire can be paid for 7 days. */
const DEFAULT_PAYABLE_MS = 7 * 24 * 60 * 60 * 1000;

export async function createWechatPaySimulator(deps: WechatPaySimulatorDeps): Promise<WechatPaySimulator> {
  await ensureWechatPayKeys(deps.dataDir);
  const keys = await loadPlatformKeys(deps.dataDir);
  const cashier = createWechatPayCashier({ keys, db: deps.db, clock: deps.clock, outbox: deps.outbox });
  return {
    provider: 'wechatpay',
    methods: ['wechatpay'],
    notificationFormat: wechatPayNotificationFormat(keys),
    sheet: cashier.sheet,
    pay: cashier.pay,
    routes: wechatPayPlatformRoutes({
      keys,
      db: deps.db,
      clock: deps.clock,
      defaultPayableMs: DEFAULT_PAYABLE_MS / (deps.timeScale ?? 1),
    }),
  };
}
