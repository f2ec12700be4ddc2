import type { Kysely } from 'kysely';
import type { CardReminderRow, Database, NewTripRow } from '../db/schema/index';

export async function insertTrip(db: Kysely<Database>, trip: NewTripRow): Promise<void> {
  await db.insertInto('trips').values(trip).execute();
}

export async function findReminder(db: Kysely<Database>, cardId: string): Promise<CardReminderRow | undefined> {
  return db.selectFrom('card_reminders').selectAll().where('cardId', '=', cardId).executeTakeFirst();
}

/**
 * Sets a card's threshold in one statement (insert or update), so two saves at once cannot clash on
 * the primary key. `subscribe` undefined keeps the answer recorded before.
 */
export async function saveReminder(
  db: Kysely<Database>,
  reminder: {
    cardId: string;
    userId: string;
    thresholdMinor: number | null;
    subscribe: CardReminderRow['subscribe'] | undefined;
    updatedAt: string;
  },
): Promise<void> {
  const { subscribe, ...rest } = reminder;
  await db
    .insertInto('card_reminders')
    .values({ ...rest, subscribe: subscribe ?? null })
    .onConflict((conflict) =>
      conflict.column('cardId').doUpdateSet({
        thresholdMinor: rest.thresholdMinor,
        updatedAt: rest.updatedAt,
        ...(subscribe === undefined ? {} : { subscribe }),
      }),
    )
    .execute();
}
