import type { Insertable, Selectable } from 'kysely';

/** A login. The token itself is never stored, only its SHA-256, so the table cannot be replayed. */
export interface SessionsTable {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export type SessionRow = Selectable<SessionsTable>;
export type NewSessionRow = Insertable<SessionsTable>;

export const tableName = 'sessions';
export type PartialDatabase = { [tableName]: SessionsTable };
