import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/database';
import { feedChangesFromChannel, type ChangesFeedLog } from '../db/changes-feed';
import type { ChannelListener } from '../db/listen';
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

/** Keeps `cache` in step with the other instances' changes; while the feed is down, it keeps nothing. */
export function listenToSessionChanges<Row extends CachedSessionRow>(
  url: string,
  cache: SessionCache<Row>,
  log: ChangesFeedLog,
): Promise<ChannelListener> {
  return feedChangesFromChannel(url, SESSION_CHANGES_CHANNEL, cache, (userId) => cache.forgetUser(userId), log, {
    what: 'session changes',
    whileDeaf: 'every request reads its session',
    whileListening: 'sessions are cached again',
  });
}
