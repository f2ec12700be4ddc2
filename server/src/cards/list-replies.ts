import type { CardList } from '@cbc/shared';
import type { Kysely } from 'kysely';
import { createRecentReads } from '../cache/recent-reads';
import type { Database } from '../db/schema/index';
import { watchRowOwners } from '../db/row-changes';
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
}

/**
 * Each user's card list reply, kept until a card of theirs changes, with its compressed forms once a client
 * asks for one (`sendStoredJson`). Every card page, 充值 and 我的 ask for the list; reading five cards' rows
 * and checking and writing the reply was most of the route's cost (README, issue 9), and compressing it for
 * a client that accepts brotli cost more than all of that; between a user's top-ups and trips the list does
 * not change.
 *
 * A kept reply is never staler than the database, because this process hears of every change to a card
 * as its statement runs (`watchRowOwners`: triggers on the embedded SQLite's one connection), bind, unbind,
 * a default, a verified photo, a credited top-up, a trip and an auto top-up alike, and forgets that user's
 * reply before the change can commit. Only a process other than this one writing to the file (a script)
 * goes unheard, and the TTL bounds that. On PostgreSQL other instances write too and nothing would tell
 * this one at once, so nothing is kept: every request reads, as before.
 */
export function createCardListReplies(deps: CardListRepliesDeps): (userId: string) => Promise<StoredJson> {
  const { db, load, toJson, ttlMs } = deps;
  const replies = createRecentReads<string, StoredJson>({ ttlMs, maxEntries: CARD_LIST_MAX_ENTRIES });
  if (!watchRowOwners(db, 'cards', 'user_id', (userId) => replies.forget(userId))) replies.setEnabled(false);
  return (userId) => replies.read(userId, async () => ({ json: toJson(await load(userId)), compression: 'quick' }));
}
