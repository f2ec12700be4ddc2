import type { Insertable, Selectable } from 'kysely';
import type { SimProvider } from './sim-payments';

export type SimNotificationState = 'pending' | 'delivered' | 'abandoned' | 'lost';

/** A simulated platform's outgoing payment notification and its retry schedule. */
export interface SimNotificationsTable {
  id: string;
  provider: SimProvider;
  outTradeNo: string;
  url: string;
  payload: string;
  state: SimNotificationState;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  /** 1: the next attempt is a `WECHATPAY/SIGNTEST/` probe that must be refused. */
  probe: number;
  claimedUntil: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export type SimNotificationRow = Selectable<SimNotificationsTable>;
export type NewSimNotificationRow = Insertable<SimNotificationsTable>;

export const tableName = 'sim_notifications';
export type PartialDatabase = { [tableName]: SimNotificationsTable };
