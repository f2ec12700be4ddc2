import type { Selectable } from 'kysely';

/** A fixed rate-limit window per key: how many hits it has taken and when it ends. */
export interface RateCountersTable {
  key: string;
  count: number;
  resetAt: string;
}

export type RateCounterRow = Selectable<RateCountersTable>;

export const tableName = 'rateCounters';
export type PartialDatabase = { [tableName]: RateCountersTable };
