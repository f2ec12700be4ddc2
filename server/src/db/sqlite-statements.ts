import type SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, type SqliteDialectConfig, type SqliteStatement } from 'kysely';
import type { WalRestartGate } from './wal-restart-gate';

/** Distinct statements kept prepared; the app has a few hundred, so this only bounds a pathological case. */
const STATEMENT_CACHE_SIZE = 500;

type Row = Record<string, unknown>;

/** Kysely's camelCase plugin, which also names the columns of rows read outside Kysely the same way. */
class CamelCaseColumns extends CamelCasePlugin {
  nameOf(column: string): string {
    return this.camelCase(column);
  }
}

/** The plugin of the SQLite Kysely instance, so rows read either way have the same names. */
export const camelCasePlugin = new CamelCaseColumns();

/**
 * A prepared statement with what reading it needs. A reading statement's rows come from SQLite as arrays
 * and are made into objects here: in object mode better-sqlite3 sets each column on a fresh object
 * through V8's C++ API, one call per value, and a history page's 21 rows of 14 columns took 68–79 µs
 * that way against 39–51 µs as arrays turned into objects in JavaScript. Same objects: one property per
 * column name in column order, so of two columns with one name the later wins, as in object mode.
 */
class CachedStatement {
  /** What Kysely's driver runs: writing statements as they are, reading ones with rows as objects. */
  readonly forKysely: SqliteStatement;
  readonly #arrays: SqliteDatabase.Statement | undefined;
  readonly #names: string[];
  #camelNames: string[] | undefined;

  constructor(statement: SqliteDatabase.Statement) {
    if (!statement.reader) {
      this.#arrays = undefined;
      this.#names = [];
      this.forKysely = statement as unknown as SqliteStatement;
      return;
    }
    const arrays = statement.raw(true);
    this.#arrays = arrays;
    this.#names = statement.columns().map((column) => column.name);
    const names = this.#names;
    this.forKysely = {
      reader: true,
      all: (parameters) => (arrays.all(parameters) as unknown[][]).map((values) => objectOf(names, values)),
      *iterate(parameters) {
        for (const values of arrays.iterate(parameters) as IterableIterator<unknown[]>) yield objectOf(names, values);
      },
      run: (parameters) => arrays.run(parameters),
    };
  }

  /** The rows as Kysely with the camelCase plugin returns them; undefined for a writing statement. */
  camelCaseRows(parameters: readonly unknown[]): Row[] | undefined {
    if (!this.#arrays) return undefined;
    this.#camelNames ??= this.#names.map((name) => camelCasePlugin.nameOf(name));
    const names = this.#camelNames;
    return (this.#arrays.all(parameters) as unknown[][]).map((values) => objectOf(names, values));
  }
}

function objectOf(names: readonly string[], values: readonly unknown[]): Row {
  const row: Row = {};
  for (let index = 0; index < names.length; index += 1) row[names[index]!] = values[index];
  return row;
}

export interface SqliteStatements {
  /** better-sqlite3 behind Kysely's dialect, with its statements kept prepared. */
  database: SqliteDialectConfig['database'];
  /**
   * A reading statement run at once, outside Kysely's executor, its rows named as the camelCase plugin
   * names them; undefined when it must go through Kysely instead: while a transaction is open on the
   * connection (a read now would see its uncommitted rows), while the WAL is started over, or for a
   * statement that writes.
   */
  readNow(sql: string, parameters: readonly unknown[]): Row[] | undefined;
}

/**
 * better-sqlite3 behind Kysely with its statements kept prepared. Kysely's driver calls `prepare` for
 * every query, and preparing (parsing and planning the SQL) was a sixth of an order's server time in
 * the bench profile. Reusing a statement is safe: Kysely runs one query at a time on its single
 * connection, and nothing here iterates a statement while another runs it (`readNow` runs to the end
 * synchronously, so it never interleaves with one either).
 */
export function sqliteStatements(
  sqlite: SqliteDatabase.Database,
  onClose: () => void,
  gate?: WalRestartGate,
): SqliteStatements {
  const statements = new Map<string, CachedStatement>();
  const cached = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statement = new CachedStatement(sqlite.prepare(sql));
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    database: {
      prepare: (sql: string) => cached(sql).forKysely,
      close() {
        statements.clear();
        onClose();
        sqlite.close();
      },
    },
    // While the WAL is started over a read would stand in the restart's way: it takes Kysely's path, which waits.
    readNow: (sql, parameters) =>
      sqlite.inTransaction || gate?.closed ? undefined : cached(sql).camelCaseRows(parameters),
  };
}
