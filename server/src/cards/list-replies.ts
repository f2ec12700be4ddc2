import type { CardList } from '@cbc/shared';
import type { Kysely } from 'kysely';
import { createRecentReads } from '../cache/recent-reads';
import type { ChannelListener } from '../db/listen';
import type { Database } from '../db/schema/index';
import { feedChangesFromChannel, type ChangesFeedLog } from '../db/changes-feed';
import { watchOwnWrites, watchRowOwners } from '../db/row-changes';
import type { StoredJson } from '../http/stored-json';

/** How long a card list may answer from memory when no change to it has been heard (`CARD_LIST_CACHE_MS`). */
export const CARD_LIST_CACHE_TTL_MS = 1_000;
/**
 * Users whose lists are kept at once, the least recently read leaving first: a kept list with its two
 * compressed forms is about 5 KB at five cards, so at most about 10 MB.
 */
const CARD_LIST_MAX_ENTRIES = 2_000;

export interface CardListRepliesDeps {
  db: Kysely<Database>;
  /** The user's cards as the database has them now. */
  load(userId: string): Promise<CardList>;
  /** The reply's JSON text, checked against the contract. */
  toJson(list: CardList): string;
  ttlMs: number;
  /** On PostgreSQL: the database to LISTEN to for other instances' changes, and where to report the feed. */
  postgres?: { url: string; log: ChangesFeedLog };
}

/** Text for the log when the PostgreSQL feed of card changes drops and comes back. */
const FEED_TEXT = {
  what: 'card changes',
  whileDeaf: 'every card list is read',
  whileListening: 'card lists are kept again',
};

/** Where the trigger of migration 014 announces the owner of every changed card, on PostgreSQL. */
const CARD_CHANGES_CHANNEL = 'cbc_card_changes';

export interface CardListReplies {
  reply(userId: string): Promise<StoredJson>;
  close(): Promise<void>;
}

/**
 * Each user's card list reply, kept until a card of theirs changes, with its compressed forms once a client
 * asks for one (`sendStoredJson`). Every card page, 充值 and 我的 ask for the list; reading five cards' rows
 * and checking and writing the reply was most of the route's cost (docs/performance.md, issue 9), and compressing it for
 * a client that accepts brotli cost more than all of that; between a user's top-ups and trips the list does
 * not change.
 *
 * On SQLite a kept reply is never staler than the database, because this process hears of every change to
 * a card as its statement runs (`watchRowOwners`: triggers on the embedded SQLite's one connection), bind,
 * unbind, a default, a verified photo, a credited top-up, a trip and an auto top-up alike, and forgets that
 * user's reply before the change can commit. Only a process other than this one writing to the file (a
 * script) goes unheard, and the TTL bounds that.
 *
 * On PostgreSQL other instances write too. Every instance hears every change when it commits, through the
 * trigger of migration 014 and `LISTEN`, and forgets that user's reply; this instance's own writes also
 * make it forget every reply as the statement is sent (`watchOwnWrites`), so a client never reads its own
 * change back stale. A change by another instance can go unseen for the moment its notification takes
 * (on one host, well under a millisecond), and while the feed is down nothing is kept.
 */
export async function createCardListReplies(deps: CardListRepliesDeps): Promise<CardListReplies> {
  const { db, load, toJson, ttlMs } = deps;
  const replies = createRecentReads<string, StoredJson>({ ttlMs, maxEntries: CARD_LIST_MAX_ENTRIES });
  const reply = (userId: string) =>
    replies.read(userId, async () => ({ json: toJson(await load(userId)), compression: 'quick' }));
  const forget = (userId: string) => replies.forget(userId);
  let listener: ChannelListener | undefined;
  if (!watchRowOwners(db, 'cards', 'user_id', forget)) {
    if (deps.postgres && watchOwnWrites(db, 'cards', () => replies.forgetWhere(() => true))) {
      const { url, log } = deps.postgres;
      listener = await feedChangesFromChannel(url, CARD_CHANGES_CHANNEL, replies, forget, log, FEED_TEXT);
    } else {
      replies.setEnabled(false);
    }
  }
  return { reply, close: async () => listener?.close() };
}
