import type { CardList } from '@cbc/shared';
import type { Kysely } from 'kysely';
import { createRecentReads } from '../cache/recent-reads';
import type { Database } from '../db/schema/index';
import { watchRowOwners } from '../db/row-changes';

/** How long a card list may answer from memory when no change to it has been heard (`CARD_LIST_CACHE_MS`). */
export const CARD_LIST_CACHE_TTL_MS = 1_000;

export interface CardListRepliesDeps {
  db: Kysely<Database>;
  /** The user's cards as the database has them now. */
  load(userId: string): Promise<CardList>;
  /** The reply's bytes, checked against the contract. */
  toBytes(list: CardList): Buffer;
  ttlMs: number;
}

/**
 * Each user's card list reply, kept as its bytes until a card of theirs changes. Every card page, 充值 and
 * 我的 ask for the list, and reading five cards' rows and checking and writing the reply was most of the
 * route's cost (README, issue 9); between a user's top-ups and trips the list does not change.
 *
 * A kept reply is never staler than the database, because this process hears of every change to a card
 * as its statement runs (`watchRowOwners`: triggers on the embedded SQLite's one connection), bind, unbind,
 * a default, a verified photo, a credited top-up, a trip and an auto top-up alike, and forgets that user's
 * reply before the change can commit. Only a process other than this one writing to the file (a script)
 * goes unheard, and the TTL bounds that. On PostgreSQL other instances write too and nothing would tell
 * this one at once, so nothing is kept: every request reads, as before.
 */
export function createCardListReplies(deps: CardListRepliesDeps): (userId: string) => Promise<Buffer> {
  const { db, load, toBytes, ttlMs } = deps;
  const replies = createRecentReads<string, Buffer>({ ttlMs });
  if (!watchRowOwners(db, 'cards', 'user_id', (userId) => replies.forget(userId))) replies.setEnabled(false);
  return (userId) => replies.read(userId, async () => toBytes(await load(userId)));
}
