import type { Kysely } from 'kysely';
import { createRecentReads } from '../cache/recent-reads';
import type { ChannelListener } from '../db/listen';
import type { Database } from '../db/schema/index';
import { feedChangesFromChannel, type ChangesFeedLog } from '../db/changes-feed';
import { watchOwnWrites, watchRowOwners } from '../db/row-changes';
import type { StoredJson } from '../http/stored-json';

/**
 * How long a user's kept replies may answer from memory when no change to their cards has been heard
 * (`CARD_LIST_CACHE_MS`).
 */
export const CARD_LIST_CACHE_TTL_MS = 1_000;
/** Replies kept per user, the least recently read leaving first: the card list and three history pages. */
const REPLIES_PER_USER = 4;
/**
 * Users whose replies are kept at once, the one kept longest leaving first. A card list with its two
 * compressed forms is about 5 KB at five cards, a history page about 10 KB: at most about 35 MB.
 */
const KEPT_USERS_MAX = 1_000;

export interface CardOwnerRepliesDeps {
  db: Kysely<Database>;
  ttlMs: number;
  /** On PostgreSQL: the database to LISTEN to for other instances' changes, and where to report the feed. */
  postgres?: { url: string; log: ChangesFeedLog };
}

/** Text for the log when the PostgreSQL feed of card changes drops and comes back. */
const FEED_TEXT = {
  what: 'card changes',
  whileDeaf: 'card lists and history pages are read every time',
  whileListening: 'card lists and history pages are kept again',
};

/**
 * Where the triggers of migrations 014 and 015 announce the owner of every changed card and ledger entry,
 * on PostgreSQL.
 */
const CARD_CHANGES_CHANNEL = 'cbc_card_changes';

/**
 * What the kept replies are made of, each row with its owner in `user_id`. An entry nearly always comes
 * with a change to its card's row, but not when the card is gone: an order paid before its card was
 * unbound is credited afterwards, and all cards' history shows the entry.
 */
const WATCHED_TABLES = ['cards', 'ledger_entries'] as const;

export interface CardOwnerReplies {
  /**
   * The user's reply named `key` (the card list, a history page with its query and language): kept, or
   * made by `make` and kept. A `make` that throws keeps nothing.
   */
  reply(userId: string, key: string, make: () => Promise<StoredJson>): Promise<StoredJson>;
  close(): Promise<void>;
}

/**
 * Replies made only from a user's cards and ledger entries, kept until one of them changes, with their
 * compressed forms once a client asks for one (`sendStoredJson`). Every card page, 充值 and 我的 ask
 * for the card list, and 记录 for its first page of history; reading the rows and checking and writing the
 * reply was most of each route's cost (docs/performance.md, issue 9), and compressing it for a client that
 * accepts brotli cost more than all of that. Between a user's top-ups and trips neither changes.
 *
 * On SQLite a kept reply is never staler than the database, because this process hears of every change to
 * a card or a ledger entry as its statement runs (`watchRowOwners`: triggers on the embedded SQLite's one
 * connection), bind, unbind, a default, a verified photo, a credited top-up, a trip and an auto top-up
 * alike, and forgets that user's replies before the change can commit. Only a process other than this one
 * writing to the file (a script) goes unheard, and the TTL bounds that.
 *
 * On PostgreSQL other instances write too. Every instance hears every change when it commits, through the
 * triggers of migrations 014 and 015 and `LISTEN`, and forgets that user's replies; this instance's own
 * writes also make it forget every reply as the statement is sent (`watchOwnWrites`), so a client never
 * reads its own change back stale. A change by another instance can go unseen for the moment its notification takes
 * (on one host, well under a millisecond), and while the feed is down nothing is kept.
 */
export async function createCardOwnerReplies(deps: CardOwnerRepliesDeps): Promise<CardOwnerReplies> {
  const { db, ttlMs } = deps;
  // Each user's replies by key, in the order last read. Forgetting a user drops their map whole, so a reply
  // made from rows read before the change lands in a map nobody reads again.
  const users = createRecentReads<string, Map<string, StoredJson>>({ ttlMs, maxEntries: KEPT_USERS_MAX });
  const forget = (userId: string) => users.forget(userId);
  let listener: ChannelListener | undefined;
  if (!WATCHED_TABLES.every((table) => watchRowOwners(db, table, 'user_id', forget))) {
    if (deps.postgres && watchOwnWrites(db, WATCHED_TABLES, () => users.forgetWhere(() => true))) {
      const { url, log } = deps.postgres;
      listener = await feedChangesFromChannel(url, CARD_CHANGES_CHANNEL, users, forget, log, FEED_TEXT);
    } else {
      users.setEnabled(false);
    }
  }

  return {
    async reply(userId, key, make) {
      const replies = await users.read(userId, async () => new Map());
      const kept = replies.get(key);
      if (kept) {
        replies.delete(key);
        replies.set(key, kept);
        return kept;
      }
      const made = await make();
      replies.set(key, made);
      if (replies.size > REPLIES_PER_USER) replies.delete(replies.keys().next().value as string);
      return made;
    },
    close: async () => listener?.close(),
  };
}
