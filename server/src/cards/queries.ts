import type { Kysely } from 'kysely';
import type { CardRow, Database, NewCardRow } from '../db/schema/index';
import { precompiledQuery } from '../db/precompiled';

/** Every card query is scoped by the owner: another user's id finds nothing (→ 404, never 403). */
function ownCards(db: Kysely<Database>, userId: string) {
  return db.selectFrom('cards').where('userId', '=', userId);
}

/**
 * What a card shows (`toBoundCard`): every column but the owner and the two keyed hashes and the photo's
 * file, which only binding, unbinding and verification read. The list reads five cards on every visit
 * of the card pages: the left-out strings were about a fifth of its query's time.
 */
export const CARD_VIEW_COLUMNS = [
  'id',
  'cardType',
  'numberMasked',
  'platesJson',
  'idType',
  'idNumberMasked',
  'verification',
  'isDefault',
  'isSample',
  'balanceMinor',
  'currency',
  'lastTopupMinor',
  'lastTopupAt',
  'createdAt',
] as const satisfies ReadonlyArray<keyof CardRow>;
export type CardViewRow = Pick<CardRow, (typeof CARD_VIEW_COLUMNS)[number]>;

// The card list and every order of a card run these: compiled once.
const cardsOf = precompiledQuery(1, (db, userId: string) =>
  ownCards(db, userId)
    .select(CARD_VIEW_COLUMNS)
    .orderBy('isDefault', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id'),
);
const ownCard = precompiledQuery(2, (db, userId: string, id: string) =>
  ownCards(db, userId).selectAll().where('id', '=', id),
);

export async function listCards(db: Kysely<Database>, userId: string): Promise<CardViewRow[]> {
  return cardsOf(db, userId);
}

export async function findCard(db: Kysely<Database>, userId: string, id: string): Promise<CardRow | undefined> {
  return (await ownCard(db, userId, id))[0];
}

/**
 * Serializes the card changes of one account for the rest of the transaction: the five-card limit,
 * the first card's default flag and "make default" read, then write. A no-op UPDATE takes the row's
 * lock on PostgreSQL (a parallel bind waits here, then reads the committed cards) and SQLite's write
 * lock, which it holds for the whole transaction anyway, so one statement serves both.
 */
export async function lockAccountCards(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', userId)
    .execute();
}

export async function countCards(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await ownCards(db, userId)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Who holds a card number (by its keyed hash), whichever account that is. */
export async function findCardOwnerByNumberHash(
  db: Kysely<Database>,
  numberHash: string,
): Promise<{ userId: string } | undefined> {
  return db.selectFrom('cards').select('userId').where('numberHash', '=', numberHash).executeTakeFirst();
}

export async function insertCard(db: Kysely<Database>, row: NewCardRow): Promise<void> {
  await db.insertInto('cards').values(row).execute();
}

/** Makes one card the default. Run in a transaction: the old default is cleared first (unique index). */
export async function setDefaultCard(db: Kysely<Database>, userId: string, id: string): Promise<void> {
  await db
    .updateTable('cards')
    .set({ isDefault: 0 })
    .where('userId', '=', userId)
    .where('isDefault', '=', 1)
    .where('id', '!=', id)
    .execute();
  await db.updateTable('cards').set({ isDefault: 1 }).where('userId', '=', userId).where('id', '=', id).execute();
}

export async function deleteCard(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('cards').where('userId', '=', userId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function oldestCard(db: Kysely<Database>, userId: string): Promise<CardRow | undefined> {
  return ownCards(db, userId).selectAll().orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst();
}

/** Attaches a photo and marks the card verified; false if the card is not (any longer) the user's. */
export async function setCardPhoto(
  db: Kysely<Database>,
  userId: string,
  id: string,
  fileName: string,
): Promise<boolean> {
  const result = await db
    .updateTable('cards')
    .set({ idPhotoFile: fileName, verification: 'verified' })
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
