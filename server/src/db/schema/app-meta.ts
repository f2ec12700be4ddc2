import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Key/value facts about this database (when its schema was created, …). Columns are snake_case in
 * SQL (`updated_at`); Kysely's CamelCasePlugin maps them to the camelCase names used here.
 */
export interface AppMetaTable {
  key: string;
  value: string;
  /** ISO 8601 timestamp, UTC: the one timestamp format of this schema (sorts and compares as text). */
  updatedAt: string;
}

export type AppMeta = Selectable<AppMetaTable>;
export type NewAppMeta = Insertable<AppMetaTable>;
export type AppMetaUpdate = Updateable<AppMetaTable>;

export const tableName = 'appMeta';
export type PartialDatabase = { [tableName]: AppMetaTable };
