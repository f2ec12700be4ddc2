import type { Kysely } from 'kysely';
import type { CardAutoTopupRow, Database } from '../db/schema/index';

export async function findAutoTopup(db: Kysely<Database>, cardId: string): Promise<CardAutoTopupRow | undefined> {
  return db.selectFrom('card_auto_topups').selectAll().where('cardId', '=', cardId).executeTakeFirst();
}

/** Insert or update in one statement, so two saves at once cannot clash on the primary key. */
export async function saveAutoTopup(
  db: Kysely<Database>,
  setting: Pick<CardAutoTopupRow, 'cardId' | 'userId' | 'enabled' | 'amountMinor' | 'method' | 'updatedAt'>,
): Promise<void> {
  await db
    .insertInto('card_auto_topups')
    .values({ ...setting, lastRunDay: null })
    .onConflict((conflict) =>
      conflict.column('cardId').doUpdateSet({
        enabled: setting.enabled,
        amountMinor: setting.amountMinor,
        method: setting.method,
        updatedAt: setting.updatedAt,
      }),
    )
    .execute();
}

/**
 * Claims `day` (UTC+8) for one auto top-up of the card: one conditional UPDATE, so of two trips at the
 * same moment exactly one sees a row changed. True when this caller won the day.
 */
export async function claimDay(db: Kysely<Database>, cardId: string, day: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('card_auto_topups')
    .set({ lastRunDay: day, updatedAt: at })
    .where('cardId', '=', cardId)
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('lastRunDay', 'is', null), eb('lastRunDay', '<>', day)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
