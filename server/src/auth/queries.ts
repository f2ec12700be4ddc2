import type { Kysely } from 'kysely';
import type {
  Database,
  NewSessionRow,
  NewSmsCodeRow,
  NewUserRow,
  SessionRow,
  SessionUser,
  SmsCodeRow,
  UserRow,
  UserRowUpdate,
} from '../db/schema/index';
import { precompiledQuery } from '../db/precompiled';

// Users

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByPhone(db: Kysely<Database>, phoneE164: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('phoneE164', '=', phoneE164).executeTakeFirst();
}

export async function findUserByOpenid(db: Kysely<Database>, openid: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('wechatOpenid', '=', openid).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Sets phone, e-mail and password on a WeChat-only account; false if it got a phone meanwhile. */
export async function linkPhoneToUser(
  db: Kysely<Database>,
  id: string,
  update: Pick<UserRowUpdate, 'phoneE164' | 'phoneRegion' | 'email' | 'passwordHash'>,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set(update)
    .where('id', '=', id)
    .where('phoneE164', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Sessions

export async function insertSession(db: Kysely<Database>, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

const SESSION_USER_COLUMNS = [
  'users.id',
  'users.phoneE164',
  'users.phoneRegion',
  'users.email',
  'users.wechatOpenid',
  'users.createdAt',
] as const satisfies ReadonlyArray<`users.${keyof SessionUser}`>;

// Every authenticated request runs it: compiled once.
const sessionWithUser = precompiledQuery(1, (db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(SESSION_USER_COLUMNS)
    .select(['sessions.tokenHash', 'sessions.expiresAt', 'sessions.revokedAt'])
    .where('sessions.tokenHash', '=', tokenHash),
);

/** A session with its user, as every authenticated request reads it. */
export type SessionWithUser = SessionUser & Pick<SessionRow, 'tokenHash' | 'expiresAt' | 'revokedAt'>;

/** The session of a token hash with its user, revoked and expired ones included (the caller tells them apart). */
export async function findSessionWithUser(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  return (await sessionWithUser(db, tokenHash))[0];
}

/** Sets a new password hash (忘记密码). */
export async function setUserPassword(db: Kysely<Database>, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ passwordHash }).where('id', '=', id).execute();
}

/** Ends every live session of a user: after a password reset, a stolen token must stop working too. */
export async function revokeUserSessions(db: Kysely<Database>, userId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function revokeSession(db: Kysely<Database>, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revokedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .execute();
}

// SMS codes

/** The newest unused code sent at this device's request, if any. */
export async function latestSmsCode(
  db: Kysely<Database>,
  phoneE164: string,
  purpose: SmsCodeRow['purpose'],
  deviceId: string,
): Promise<SmsCodeRow | undefined> {
  return (
    db
      .selectFrom('smsCodes')
      .selectAll()
      .where('phoneE164', '=', phoneE164)
      .where('purpose', '=', purpose)
      .where('consumedAt', 'is', null)
      // Only the device that asked for a code may enter it (and spend its tries).
      .where('deviceId', '=', deviceId)
      .orderBy('createdAt', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

export async function insertSmsCode(db: Kysely<Database>, row: NewSmsCodeRow): Promise<void> {
  await db.insertInto('smsCodes').values(row).execute();
}

/**
 * Counts one wrong try in a single statement, so concurrent guesses cannot each read "4 tries used"
 * and all pass. Returns the new count, or undefined if the code was already dead (locked or used).
 */
export async function countWrongSmsAttempt(
  db: Kysely<Database>,
  id: string,
  maxAttempts: number,
): Promise<number | undefined> {
  const row = await db
    .updateTable('smsCodes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .where('consumedAt', 'is', null)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

/**
 * Marks a code used; false if another request used it first, or it expired since it was checked (a
 * password is hashed in between), or its tries ran out: all in the one statement that uses it.
 */
export async function consumeSmsCode(
  db: Kysely<Database>,
  id: string,
  maxAttempts: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('smsCodes')
    .set({ consumedAt: now })
    .where('id', '=', id)
    .where('consumedAt', 'is', null)
    .where('attempts', '<', maxAttempts)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// WeChat codes

/** Records a code as exchanged; false if it already was (code2Session accepts a code once). */
export async function recordWechatCodeUse(db: Kysely<Database>, codeHash: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('wechatCodeUses')
    .values({ codeHash, usedAt: now })
    .onConflict((oc) => oc.column('codeHash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
