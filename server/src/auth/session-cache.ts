/** How long a session read from the database may answer from memory before it is read again. */
export const SESSION_CACHE_TTL_MS = 1_000;
/** Enough for every client active within the TTL on one instance; the oldest entry leaves first. */
const SESSION_CACHE_MAX_ENTRIES = 10_000;

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

interface Entry<Row> {
  row: Row;
  readAt: number;
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
  const ttlMs = options.ttlMs ?? SESSION_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? SESSION_CACHE_MAX_ENTRIES;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, Entry<Row>>();
  let enabled = true;
  // Bumped by every forget: a read that started before one must not store what it read, which may predate
  // the change.
  let generation = 0;

  const forgetAll = () => {
    generation += 1;
    entries.clear();
  };

  return {
    async read(tokenHash, load) {
      const entry = entries.get(tokenHash);
      const startedAt = now();
      if (entry) {
        if (startedAt - entry.readAt < ttlMs) return entry.row;
        // Gone before the read, not after it: a fresher entry another request stores meanwhile stays.
        entries.delete(tokenHash);
      }
      const seen = generation;
      const row = await load();
      if (ttlMs > 0 && row && row.revokedAt === null && enabled && seen === generation) {
        entries.set(tokenHash, { row, readAt: startedAt });
        // A Map iterates in insertion order, and a refreshed entry is deleted and set again: the first key
        // is the one read longest ago.
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return row;
    },

    forgetUser(userId) {
      generation += 1;
      // A walk over at most maxEntries, only on the rare changes; an index by user would cost every read.
      for (const [tokenHash, entry] of entries) if (entry.row.id === userId) entries.delete(tokenHash);
    },

    setEnabled(on) {
      enabled = on;
      forgetAll();
    },
  };
}
