import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';

export interface CounterWindow {
  /** Hits in the window, this one included. */
  count: number;
  resetAt: string;
}

/** Seconds from `now` until a window ends (for Retry-After). */
export function secondsUntil(window: CounterWindow, now: Date): number {
  return (Date.parse(window.resetAt) - now.getTime()) / 1000;
}

/**
 * Counts one hit in a single statement: a new key or an ended window starts at 1, a live one adds 1.
 * Concurrent hits on one key serialize on its row (SQLite: one writer; PostgreSQL: the upsert's row
 * lock), so no two requests read the same count and both pass.
 */
export async function hitCounter(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now: Date,
): Promise<CounterWindow> {
  const nowIso = now.toISOString();
  const resetAt = new Date(now.getTime() + windowMs).toISOString();
  return db
    .insertInto('rateCounters')
    .values({ key, count: 1, resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rateCounters.resetAt', '<=', nowIso)
          .then(1)
          .else(eb('rateCounters.count', '+', 1))
          .end(),
        resetAt: eb
          .case()
          .when('rateCounters.resetAt', '<=', nowIso)
          .then(resetAt)
          .else(eb.ref('rateCounters.resetAt'))
          .end(),
      })),
    )
    .returning(['count', 'resetAt'])
    .executeTakeFirstOrThrow();
}

/** The live window of a key, if any, without counting. */
export async function peekCounter(db: Kysely<Database>, key: string, now: Date): Promise<CounterWindow | undefined> {
  return db
    .selectFrom('rateCounters')
    .select(['count', 'resetAt'])
    .where('key', '=', key)
    .where('resetAt', '>', now.toISOString())
    .executeTakeFirst();
}

/** Gives one hit back to the window it was taken from (never to a later one); `clear` ends the window. */
export async function giveBackHit(db: Kysely<Database>, key: string, window: CounterWindow, clear: boolean) {
  if (clear) {
    await db.deleteFrom('rateCounters').where('key', '=', key).where('resetAt', '=', window.resetAt).execute();
    return;
  }
  await db
    .updateTable('rateCounters')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('key', '=', key)
    .where('resetAt', '=', window.resetAt)
    .where('count', '>', 0)
    .execute();
}

/** Deletes ended windows, so counters of clients that went away do not pile up. */
export async function purgeEndedCounters(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rateCounters').where('resetAt', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
