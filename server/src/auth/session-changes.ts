import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/database';
import { listenToChannel, type ChannelListener } from '../db/listen';
import type { Database } from '../db/schema/index';
import type { CachedSessionRow, SessionCache } from './session-cache';

const SESSION_CHANGES_CHANNEL = 'cbc_session_changes';

/**
 * Tells every instance on the database that a user's sessions or details changed, so their caches forget
 * the user. Sent inside the change's own transaction: PostgreSQL delivers it at commit, or never if the
 * change rolls back. The embedded SQLite has one server process, which forgets on its own.
 */
export async function announceSessionChange(db: Kysely<Database>, userId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select pg_notify(${SESSION_CHANGES_CHANNEL}, ${userId})`.execute(db);
}

export interface SessionChangesLog {
  warn(details: { err?: Error }, message: string): void;
  info(message: string): void;
}

/** Keeps `cache` in step with the other instances' changes; while the feed is down, it keeps nothing. */
export function listenToSessionChanges<Row extends CachedSessionRow>(
  url: string,
  cache: SessionCache<Row>,
  log: SessionChangesLog,
): Promise<ChannelListener> {
  cache.setEnabled(false);
  let wasLost = false;
  return listenToChannel(url, SESSION_CHANGES_CHANNEL, {
    onMessage: (userId) => cache.forgetUser(userId),
    onListening: () => {
      cache.setEnabled(true);
      if (wasLost) log.info('session changes: listening again; sessions are cached again');
      wasLost = false;
    },
    onLost: (error) => {
      cache.setEnabled(false);
      if (!wasLost) log.warn({ err: error }, 'session changes: connection lost; every request reads its session');
      wasLost = true;
    },
  });
}
