/**
 * True when a write broke a UNIQUE constraint: better-sqlite3 reports `SQLITE_CONSTRAINT_UNIQUE`
 * (or `SQLITE_CONSTRAINT_PRIMARYKEY`), PostgreSQL SQLSTATE 23505. Races that two checks cannot
 * exclude (two requests binding the same card at once) end here instead of in a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
