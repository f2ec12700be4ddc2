import { Migrator, SqliteAdapter, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index';

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Database migration ${migration ? `"${migration}" ` : ''}failed: ${reason}`, options);
    this.name = 'MigrationError';
  }
}

/** How long a second process waits for the first one's migrations on SQLite (a slow start under load). */
const SQLITE_MIGRATION_BUSY_TIMEOUT_MS = 60_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migrator works on any schema
function createMigrator(db: Kysely<any>, list: Record<string, Migration>, disableTransactions = false): Migrator {
  // Migrations run on a plugin-less instance, so the SQL they write is exactly what they say
  // (no camelCase → snake_case rewriting of names).
  return new Migrator({ db: db.withoutPlugins(), provider: { getMigrations: async () => list }, disableTransactions });
}

/**
 * SQLite: the whole run, from reading which migrations are done to the last one, in one `BEGIN
 * IMMEDIATE` transaction. Kysely's Migrator takes no lock on SQLite and reads the migration list in a
 * deferred transaction, so two processes starting on one new file both read "nothing done", and the
 * one that writes second fails with SQLITE_BUSY ("database is locked": its snapshot is stale, which
 * no busy timeout waits out). Taking the write lock first makes the second process wait, then find
 * everything applied. SQLite runs DDL inside transactions, so a failed migration leaves nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see createMigrator
async function migrateSqlite(db: Kysely<any>, list: Record<string, Migration>): Promise<MigrationResultSet> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
    const usualTimeout = Object.values(rows[0] ?? {})[0] ?? 0;
    await sql.raw(`pragma busy_timeout = ${SQLITE_MIGRATION_BUSY_TIMEOUT_MS}`).execute(connection);
    try {
      await sql`begin immediate`.execute(connection);
      let outcome: MigrationResultSet;
      try {
        outcome = await createMigrator(connection, list, true).migrateToLatest();
      } catch (error) {
        outcome = { error };
      }
      await sql.raw(outcome.error ? 'rollback' : 'commit').execute(connection);
      return outcome;
    } finally {
      await sql.raw(`pragma busy_timeout = ${Number(usualTimeout)}`).execute(connection);
    }
  });
}

/**
 * Applies every pending migration in one transaction; throws `MigrationError` and leaves the database
 * as it was. `list` is for tests.
 */
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see createMigrator
  db: Kysely<any>,
  list: Record<string, Migration> = migrations,
): Promise<NonNullable<MigrationResultSet['results']>> {
  const { error, results = [] } =
    db.getExecutor().adapter instanceof SqliteAdapter
      ? await migrateSqlite(db, list)
      : await createMigrator(db, list).migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(failed?.migrationName, { cause: error });
  }
  return results;
}
