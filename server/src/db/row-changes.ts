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

type StatementWatch = (onStatement: (sql: string) => void) => void;

/** Databases whose statements, as this process sends them, can be heard (PostgreSQL, through its pool). */
const statementWatchers = new WeakMap<object, StatementWatch>();

/** Lets `watchOwnWrites` hear of every statement this process sends through `db`. */
export function allowStatementWatching(db: Kysely<Database>, watch: StatementWatch): void {
  statementWatchers.set(db, watch);
}

/**
 * Calls `onWrite` as this process sends a statement through `db` that inserts into, updates or deletes
 * from `table`, before it runs; which rows it touches is not known. It gives a cache on PostgreSQL this
 * process's own changes at once, as `watchRowOwners` does on SQLite. Other instances' changes, and writes
 * whose first words do not name the table (a cascade, a CTE), must be heard another way: a trigger's
 * notification, which arrives once they commit. False where statements cannot be watched (SQLite).
 */
export function watchOwnWrites(db: Kysely<Database>, table: string, onWrite: () => void): boolean {
  const watch = statementWatchers.get(db);
  if (!watch) return false;
  assertPlainIdentifier(table, 'watchOwnWrites');
  const writesTable = new RegExp(`^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+"?${table}"?(?:\\s|\\(|$)`, 'i');
  watch((sql) => {
    if (writesTable.test(sql)) onWrite();
  });
  return true;
}
