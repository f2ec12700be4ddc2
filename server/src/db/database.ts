import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type SqliteDialectConfig,
} from 'kysely';
import type { DatabaseConfig } from '../config';
import type { Database } from './schema/index';

export class UnsupportedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedDatabaseError';
  }
}

/**
 * Opens the database the configuration names. SQLite is the zero-set-up default; the same typed
 * `Kysely<Database>` will sit on PostgreSQL once a later version adds the `pg` driver.
 */
/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it cannot, so its Migrator would run
 * migrations bare and a failed one would leave half its tables behind. Saying so lets the Migrator
 * wrap the pending migrations in one transaction, as it does on PostgreSQL.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Distinct statements kept prepared; the app has a few hundred, so this only bounds a pathological case. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 behind Kysely with its statements kept prepared. Kysely's driver calls `prepare` for
 * every query, and preparing (parsing and planning the SQL) was a sixth of an order's server time in
 * the bench profile. Reusing a statement is safe: Kysely runs one query at a time on its single
 * connection, and nothing here iterates a statement while another runs it.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  } as SqliteDialectConfig['database'];
}

export function createDatabase(config: DatabaseConfig): Kysely<Database> {
  if (config.dialect === 'postgres') {
    throw new UnsupportedDatabaseError(
      'DATABASE_URL points to PostgreSQL, whose support arrives in a later version. ' +
        'Unset DATABASE_URL to use the embedded SQLite file in DATA_DIR.',
    );
  }
  mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  // WAL lets readers go on while a write commits; NORMAL sync is durable enough under WAL and much
  // faster. SQLite leaves foreign keys off unless asked, and a busy timeout beats SQLITE_BUSY errors
  // when a second process (a migration script, a backup) touches the file.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({
    dialect: new TransactionalDdlSqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
}
