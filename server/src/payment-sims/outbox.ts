import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { insertRow, precompiledQuery, precompiledWrite } from '../db/precompiled';
import type { Database, SimNotificationRow, SimProvider } from '../db/schema/index';
import type { HttpTransport, IncomingResponse } from '../http/transport';

/**
 * The simulated platforms' outgoing payment notifications: stored first (so a restart loses none),
 * then delivered by the jobs, retried on WeChat Pay's published schedule when the merchant does not
 * acknowledge, compressed in time by `timeScale` so a practice run sees retries in seconds.
 */

/** WeChat Pay v3: 15 s, 15 s, 30 s, 3 m, 10 m, 20 m, 30 m, 30 m, 30 m, 60 m, 3 h, 3 h, 3 h, 6 h, 6 h (24 h 4 m). */
export const NOTIFY_RETRY_SECONDS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
] as const;

/** How one platform puts a notification on the wire and reads the merchant's answer. */
export interface NotificationFormat {
  provider: SimProvider;
  /** Signs (and encrypts, for WeChat Pay) the stored payload, freshly for each attempt. */
  build(
    payload: string,
    options: { probe: boolean; now: Date },
  ): Promise<{ headers: Record<string, string>; body: string }>;
  /** WeChat Pay: any 2xx; Alipay: the body `success`. */
  acknowledged(response: IncomingResponse): boolean;
}

export interface EnqueueNotification {
  provider: SimProvider;
  outTradeNo: string;
  url: string;
  payload: string;
  /** Stored but never sent: the "paid, but the notification was lost" practice case. */
  lost?: boolean;
}

export interface NotificationOutbox {
  /** Pass the transaction that records the payment, so the two commit together. */
  enqueue(notification: EnqueueNotification, db?: Kysely<Database>): Promise<void>;
  /** Sends every notification due at `now`; returns how many attempts were made. */
  deliverDue(now: Date): Promise<number>;
}

export interface OutboxDeps {
  db: Kysely<Database>;
  clock: () => Date;
  transport: HttpTransport;
  formats: readonly NotificationFormat[];
  log: FastifyBaseLogger;
  /** Retry delays are divided by this (60: 15 s becomes 0.25 s). */
  timeScale: number;
  /** Share of notifications whose first attempt is a signature probe (WeChat Pay sends them now and then). */
  probeRate: number;
  random?: () => number;
}

/** A claim lasts this long: a crashed deliverer's notifications are picked up again after it. */
const CLAIM_MS = 30_000;
const BATCH = 50;

// Every payment's notification runs these three: compiled once.
const dueNotifications = precompiledQuery(1, (db, at: string) =>
  db
    .selectFrom('sim_notifications')
    .selectAll()
    .where('state', '=', 'pending')
    .where('nextAttemptAt', '<=', at)
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', at)]))
    .orderBy('nextAttemptAt')
    .limit(BATCH),
);
const claimNotification = precompiledWrite(3, (db, id: string, until: string, at: string) =>
  db
    .updateTable('sim_notifications')
    .set({ claimedUntil: until })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', at)])),
);
/** An attempt's outcome; the claim ends with it, and a probe is never sent twice. */
type AttemptRecord = Pick<SimNotificationRow, 'attempts' | 'lastStatus' | 'state' | 'deliveredAt' | 'nextAttemptAt'>;
const recordAttemptRow = precompiledWrite(
  6,
  (
    db,
    id: string,
    attempts: number,
    lastStatus: number | null,
    state: SimNotificationRow['state'],
    deliveredAt: string | null,
    nextAttemptAt: string,
  ) =>
    db
      .updateTable('sim_notifications')
      .set({ attempts, lastStatus, state, deliveredAt, nextAttemptAt, probe: 0, claimedUntil: null })
      .where('id', '=', id),
);
const recordAttempt = (db: Kysely<Database>, id: string, record: AttemptRecord) =>
  recordAttemptRow(db, id, record.attempts, record.lastStatus, record.state, record.deliveredAt, record.nextAttemptAt);

export function createNotificationOutbox(deps: OutboxDeps): NotificationOutbox {
  const { db, clock, transport, log } = deps;
  const random = deps.random ?? Math.random;
  const formats = new Map(deps.formats.map((format) => [format.provider, format]));

  const retryAt = (attempts: number, now: Date): string | null => {
    const seconds = NOTIFY_RETRY_SECONDS[attempts - 1];
    return seconds === undefined ? null : new Date(now.getTime() + (seconds * 1000) / deps.timeScale).toISOString();
  };

  const attempt = async (row: SimNotificationRow, now: Date): Promise<void> => {
    const format = formats.get(row.provider);
    if (!format) throw new Error(`no notification format for ${row.provider}`);
    const probe = row.probe === 1;
    const { headers, body } = await format.build(row.payload, { probe, now });
    let response: IncomingResponse | undefined;
    try {
      response = await transport({ method: 'POST', url: row.url, headers, body });
    } catch (error) {
      log.warn({ err: error, outTradeNo: row.outTradeNo, provider: row.provider }, 'notification not delivered');
    }
    const attempts = row.attempts + 1;
    const ok = response !== undefined && format.acknowledged(response);
    if (ok && probe) log.warn({ outTradeNo: row.outTradeNo }, 'merchant acknowledged a signature probe');
    const next = ok ? null : retryAt(attempts, now);
    await recordAttempt(db, row.id, {
      attempts,
      lastStatus: response?.status ?? null,
      state: ok ? 'delivered' : next ? row.state : 'abandoned',
      deliveredAt: ok ? now.toISOString() : row.deliveredAt,
      nextAttemptAt: next ?? row.nextAttemptAt,
    });
  };

  return {
    async enqueue(notification, executor = db) {
      const now = clock().toISOString();
      await insertRow(executor, 'sim_notifications', {
        id: randomUUID(),
        provider: notification.provider,
        outTradeNo: notification.outTradeNo,
        url: notification.url,
        payload: notification.payload,
        state: notification.lost ? 'lost' : 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastStatus: null,
        probe: notification.provider === 'wechatpay' && random() < deps.probeRate ? 1 : 0,
        claimedUntil: null,
        createdAt: now,
        deliveredAt: null,
      });
    },

    async deliverDue(now) {
      const at = now.toISOString();
      const due = await dueNotifications(db, at);
      let attempts = 0;
      await Promise.all(
        due.map(async (row) => {
          // The claim is one conditional UPDATE: of two deliverers, exactly one sees a changed row.
          const claimed = await claimNotification(db, row.id, new Date(now.getTime() + CLAIM_MS).toISOString(), at);
          if (claimed !== 1) return;
          attempts += 1;
          await attempt(row, now);
        }),
      );
      return attempts;
    },
  };
}
