import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { assertPlainIdentifier } from './plain-identifier';
import type { Database } from './schema/index';

type Watch = (table: string, ownerColumn: string, onChange: (owner: string) => void) => void;

/** Databases whose every write this process can hear of: the embedded SQLite, through its one connection. */
const watchers = new WeakMap<object, Watch>();

/**
 * Lets `watchRowOwners` hear of the rows written through `sqlite`, the connection behind `db`. Each watch is
 * a function of this connection and TEMP triggers calling it: a TEMP trigger lives only in the connection
 * that made it, so other processes on the file (a script, the read-only ledger check) neither run it nor
 * need the function.
 */
export function allowRowWatching(db: Kysely<Database>, sqlite: SqliteDatabase.Database): void {
  let watches = 0;
  watchers.set(db, (table, ownerColumn, onChange) => {
    assertPlainIdentifier(table, 'watchRowOwners');
    assertPlainIdentifier(ownerColumn, 'watchRowOwners');
    watches += 1;
    const name = `cbc_rows_changed_${watches}`;
    sqlite.function(name, { deterministic: false }, (owner: unknown) => {
      onChange(String(owner));
      return null;
    });
    sqlite.exec(`
      create temp trigger ${name}_insert after insert on main.${table}
        begin select ${name}(new.${ownerColumn}); end;
      create temp trigger ${name}_update after update on main.${table}
        begin
          select ${name}(old.${ownerColumn});
          select ${name}(new.${ownerColumn}) where new.${ownerColumn} is not old.${ownerColumn};
        end;
      create temp trigger ${name}_delete after delete on main.${table}
        begin select ${name}(old.${ownerColumn}); end;
    `);
  });
}

/**
 * Calls `onChange` with the owner (`ownerColumn`) of every row of `table` inserted, updated or deleted
 * through `db`, as the statement runs: inside its transaction, before it commits, and also for a change
 * that is then rolled back. Foreign-key cascades count. False where the database cannot tell this process
 * of every change (PostgreSQL, which other instances write to as well): a caller must then keep nothing.
 */
export function watchRowOwners(
  db: Kysely<Database>,
  table: string,
  ownerColumn: string,
  onChange: (owner: string) => void,
): boolean {
  const watch = watchers.get(db);
  if (!watch) return false;
  watch(table, ownerColumn, onChange);
  return true;
}

/**
 * Hears a statement as it is sent on `connection`; what it returns, if anything, runs once that statement
 * has completed (succeeded or failed).
 */
export type StatementObserver = (sql: string, connection: object) => (() => void) | undefined;

type StatementWatch = (observer: StatementObserver) => void;

/** Databases whose statements, as this process sends them, can be heard (PostgreSQL, through its pool). */
const statementWatchers = new WeakMap<object, StatementWatch>();

/** Lets `watchOwnWrites` hear of every statement this process sends through `db`. */
export function allowStatementWatching(db: Kysely<Database>, watch: StatementWatch): void {
  statementWatchers.set(db, watch);
}

const BEGINS = /^\s*(?:begin|start\s+transaction)\b/i;
/** The end of a transaction; `rollback to savepoint` is not one. */
const ENDS = /^\s*(?:commit|rollback|end)\s*;?\s*$/i;

/**
 * Calls `onWrite` as this process sends a statement through `db` that inserts into, updates or deletes
 * from one of `tables`, before it runs, and again once the change can be seen by every reader: when the statement
 * completes, or in a transaction when its `COMMIT` (or `ROLLBACK`) does. Which rows it touches is not
 * known. The first call keeps a cache from holding what readers saw before the write; the second, what a
 * read on another connection loaded while the write was not yet committed. It gives a cache on PostgreSQL
 * this process's own changes at once, as `watchRowOwners` does on SQLite. Other instances' changes, and
 * writes whose first words do not name the table (a cascade, a CTE), must be heard another way: a
 * trigger's notification, which arrives once they commit. False where statements cannot be watched (SQLite).
 */
export function watchOwnWrites(db: Kysely<Database>, tables: readonly string[], onWrite: () => void): boolean {
  const watch = statementWatchers.get(db);
  if (!watch) return false;
  for (const table of tables) assertPlainIdentifier(table, 'watchOwnWrites');
  // One test per statement, and one transaction's writes to several of the tables heard once at its end.
  const writesTable = new RegExp(
    `^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+"?(?:${tables.join('|')})"?(?:\\s|\\(|$)`,
    'i',
  );
  const inTransaction = new WeakSet<object>();
  const wroteInTransaction = new WeakSet<object>();
  watch((sql, connection) => {
    if (writesTable.test(sql)) {
      onWrite();
      if (!inTransaction.has(connection)) return onWrite;
      wroteInTransaction.add(connection);
      return undefined;
    }
    if (BEGINS.test(sql)) {
      inTransaction.add(connection);
      return undefined;
    }
    if (ENDS.test(sql)) {
      inTransaction.delete(connection);
      if (wroteInTransaction.delete(connection)) return onWrite;
    }
    return undefined;
  });
  return true;
}
