import type { Insertable, Selectable, Updateable } from 'kysely';

/** An account: a phone registration, a WeChat login, or both once linked. */
export interface UsersTable {
  /** Random UUID. */
  id: string;
  /** `+8613800138000`; null for a WeChat-only account. */
  phoneE164: string | null;
  phoneRegion: 'CN' | 'HK' | 'MO' | null;
  email: string | null;
  /** `scrypt$logN$r$p$salt$hash`; null for a WeChat-only account, which cannot log in by password. */
  passwordHash: string | null;
  wechatOpenid: string | null;
  createdAt: string;
}

export type UserRow = Selectable<UsersTable>;
/**
 * The user a session stands for: every column but the password's hash, which only logging in and
 * changing the password read, and which has no business in every request's context.
 */
export type SessionUser = Omit<UserRow, 'passwordHash'>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRowUpdate = Updateable<UsersTable>;

export const tableName = 'users';
export type PartialDatabase = { [tableName]: UsersTable };
