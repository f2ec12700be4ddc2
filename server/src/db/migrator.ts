import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migrator works on any schema
function createMigrator(db: Kysely<any>, list: Record<string, Migration>): Migrator {
  // Migrations run on a plugin-less instance, so the SQL they write is exactly what they say
  // (no camelCase → snake_case rewriting of names).
  return new Migrator({ db: db.withoutPlugins(), provider: { getMigrations: async () => list } });
}

/**
 * Applies every pending migration in one transaction; throws `MigrationError` and leaves the database
 * as it was (the dialects run DDL transactionally, see database.ts). `list` is for tests.
 */
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see createMigrator
  db: Kysely<any>,
  list: Record<string, Migration> = migrations,
): Promise<NonNullable<MigrationResultSet['results']>> {
  const { error, results = [] } = await createMigrator(db, list).migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(failed?.migrationName, { cause: error });
  }
  return results;
}
