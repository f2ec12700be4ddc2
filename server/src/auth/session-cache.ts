import { createRecentReads } from '../cache/recent-reads';

/** How long a session read from the database may answer from memory before it is read again. */
export const SESSION_CACHE_TTL_MS = 1_000;

/** What the cache needs of a session's row: whose it is, and whether it still counts. */
export interface CachedSessionRow {
  /** The user's id. */
  id: string;
  revokedAt: string | null;
}

export interface SessionCache<Row extends CachedSessionRow> {
  /** The session of a token hash: from memory if read within the TTL and not forgotten since, else `load`. */
  read(tokenHash: string, load: () => Promise<Row | undefined>): Promise<Row | undefined>;
  /** After a change to a user or their sessions has committed: their next request reads the database. */
  forgetUser(userId: string): void;
  /**
   * While off (the feed of other instances' changes is down), nothing is kept and every request reads the
   * database; turning it either way forgets everything.
   */
  setEnabled(enabled: boolean): void;
}

export interface SessionCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Monotonic milliseconds; the TTL is about real staleness, not the app's (injectable) business clock. */
  now?: () => number;
}

/**
 * Every authenticated request looks its session up: on SQLite that is about a bare route's whole cost, on
 * PostgreSQL a round trip. A client's requests come in bursts (a page sends three or four at once), so a
 * session read once answers the rest of the burst from memory. What keeps that honest:
 * - this instance forgets a user as soon as it has changed them (logout, password reset, a phone linked);
 * - other instances hear of it through the database (`listenToSessionChanges` on PostgreSQL) and forget too,
 *   and while they cannot hear, they keep nothing;
 * - whatever else changes the database directly is seen within the TTL;
 * - expiry is still checked on every request, against the row's `expiresAt`.
 * Unknown and revoked tokens are never kept: a flood of them costs the database, not this memory.
 */
export function createSessionCache<Row extends CachedSessionRow>(options: SessionCacheOptions = {}): SessionCache<Row> {
  const reads = createRecentReads<string, Row | undefined>({
    ttlMs: options.ttlMs ?? SESSION_CACHE_TTL_MS,
    maxEntries: options.maxEntries,
    now: options.now,
    keep: (row) => row !== undefined && row.revokedAt === null,
  });
  return {
    read: (tokenHash, load) => reads.read(tokenHash, load),
    // A walk over at most maxEntries, only on the rare changes; an index by user would cost every read.
    forgetUser: (userId) => reads.forgetWhere((row) => row?.id === userId),
    setEnabled: (enabled) => reads.setEnabled(enabled),
  };
}
