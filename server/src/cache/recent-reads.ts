/** Enough for every client active within a TTL on one instance; the oldest entry leaves first. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Database reads kept in memory for a short while. Whoever changes what a read saw must forget it
 * (`forget`, `forgetWhere`); the TTL bounds how long a change nobody announced can go unseen.
 */
export interface RecentReads<Key, Value> {
  /** The value of `key`: from memory if read within the TTL and not forgotten since, else `load`. */
  read(key: Key, load: () => Promise<Value>): Promise<Value>;
  forget(key: Key): void;
  /** A walk over every entry: for changes that are rare or whose keys are unknown (a user's tokens). */
  forgetWhere(test: (value: Value) => boolean): void;
  /** While off, nothing is kept and every read loads; turning it either way forgets everything. */
  setEnabled(enabled: boolean): void;
}

export interface RecentReadsOptions<Value> {
  /** 0 keeps nothing. */
  ttlMs: number;
  maxEntries?: number;
  /** Monotonic milliseconds; the TTL is about real staleness, not the app's (injectable) business clock. */
  now?: () => number;
  /** Whether a loaded value may be kept (a session cache keeps no unknown or revoked token). */
  keep?: (value: Value) => boolean;
}

interface Entry<Value> {
  value: Value;
  readAt: number;
}

export function createRecentReads<Key, Value>(options: RecentReadsOptions<Value>): RecentReads<Key, Value> {
  const { ttlMs, maxEntries = DEFAULT_MAX_ENTRIES, now = () => performance.now(), keep = () => true } = options;
  const entries = new Map<Key, Entry<Value>>();
  let enabled = true;
  // Bumped by every forget: a load that started before one must not store what it read, which may predate
  // the change.
  let generation = 0;

  const forgetAll = () => {
    generation += 1;
    entries.clear();
  };

  return {
    async read(key, load) {
      const entry = entries.get(key);
      const startedAt = now();
      if (entry) {
        if (startedAt - entry.readAt < ttlMs) return entry.value;
        // Gone before the load, not after it: a fresher entry another read stores meanwhile stays.
        entries.delete(key);
      }
      const seen = generation;
      const value = await load();
      if (ttlMs > 0 && enabled && seen === generation && keep(value)) {
        entries.set(key, { value, readAt: startedAt });
        // A Map iterates in insertion order, and a refreshed entry is deleted and set again: the first key
        // is the one read longest ago.
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as Key);
      }
      return value;
    },

    forget(key) {
      generation += 1;
      entries.delete(key);
    },

    forgetWhere(test) {
      generation += 1;
      for (const [key, entry] of entries) if (test(entry.value)) entries.delete(key);
    },

    setEnabled(on) {
      enabled = on;
      forgetAll();
    },
  };
}
