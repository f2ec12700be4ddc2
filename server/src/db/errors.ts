/**
 * True when a write broke a UNIQUE constraint: better-sqlite3 reports `SQLITE_CONSTRAINT_UNIQUE`
 * (or `SQLITE_CONSTRAINT_PRIMARYKEY`), PostgreSQL SQLSTATE 23505. Races that two checks cannot
 * exclude (two requests binding the same card at once) end here instead of in a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * True when a write named a row that is gone (better-sqlite3 `SQLITE_CONSTRAINT_FOREIGNKEY`, PostgreSQL
 * SQLSTATE 23503): on PostgreSQL a statement's snapshot can still see a row another transaction deleted
 * since, and the foreign key's own check, made on the newest rows, refuses it.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
