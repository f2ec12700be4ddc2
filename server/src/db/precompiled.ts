import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import type { Database } from './schema/index';

/** Stands for argument `index` while the query is compiled; never reaches the database. */
const PLACEHOLDER_PREFIX = '\u0000precompiled-argument-';
const placeholder = (index: number) => `${PLACEHOLDER_PREFIX}${index}\u0000`;

/** Each precompiled query's SQL text and a statement name of its own (PostgreSQL keeps those prepared). */
const statementNames = new Map<string, string>();

/** The statement name of a precompiled query's SQL text; undefined for any other SQL. */
export function precompiledStatementName(sql: string): string | undefined {
  return statementNames.get(sql);
}

type ReadNow = (sql: string, parameters: readonly unknown[]) => Array<Record<string, unknown>> | undefined;

/** Databases whose precompiled reads may run outside Kysely's executor (the embedded SQLite). */
const directReaders = new WeakMap<object, ReadNow>();

/**
 * Lets precompiled reads on `db` itself skip Kysely's executor: better-sqlite3 answers synchronously,
 * and the executor's connection queue, promise hops and result plugins cost `GET /me` 5–21 µs of CPU
 * per request (of 65–130, side by side on a noisy host). `readNow` answers with the rows the camelCase plugin would have made, or
 * undefined where the query must take Kysely's path after all (a transaction is open on the connection).
 * Transactions and connections taken from `db` are other objects: their queries always take that path.
 */
export function allowDirectReads(db: Kysely<Database>, readNow: ReadNow): void {
  directReaders.set(db, readNow);
}

interface Compilable<Row> {
  compile(): CompiledQuery<Row>;
}

interface Template<Row> {
  query: CompiledQuery<Row>;
  /** For each parameter of the compiled query: the argument it takes, or -1 for a constant of the query. */
  argumentOf: number[];
}

/** Compiles `build` once per database adapter; each call gives the compiled SQL with this call's values. */
function precompile<Args extends readonly unknown[], Row>(
  arity: Args['length'],
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Database>, args: Args) => CompiledQuery<Row> {
  const templates = new WeakMap<object, Template<Row>>();

  const compile = (db: Kysely<Database>): Template<Row> => {
    const standIns = Array.from({ length: arity }, (_, index) => placeholder(index)) as unknown as Args;
    const query = build(db, ...standIns).compile();
    const argumentOf = query.parameters.map((parameter) =>
      typeof parameter === 'string' && parameter.startsWith(PLACEHOLDER_PREFIX)
        ? Number(parameter.slice(PLACEHOLDER_PREFIX.length, -1))
        : -1,
    );
    for (let index = 0; index < arity; index += 1) {
      // An argument the SQL does not carry as it was given (left out, or changed on the way: `${x}%`)
      // would silently be ignored at run time.
      if (!argumentOf.includes(index)) {
        throw new Error(`precompiledQuery: argument ${index} is not a parameter of the query:\n${query.sql}`);
      }
    }
    if (!statementNames.has(query.sql)) statementNames.set(query.sql, `cbc_precompiled_${statementNames.size + 1}`);
    return { query, argumentOf };
  };

  return (db, args) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      template = compile(db);
      templates.set(adapter, template);
    }
    const { query, argumentOf } = template;
    const parameters = query.parameters.map((constant, position) => {
      const index = argumentOf[position]!;
      return index < 0 ? constant : args[index];
    });
    return { ...query, parameters };
  };
}

/**
 * A hot query built and compiled by Kysely once per database instead of on every call: building the
 * immutable query tree, running the camelCase plugin over it and compiling it to SQL cost 20–30 µs per
 * statement in the bench's profiles (a tenth of `GET /me`, a sixth of order creation), every request
 * paying it for the same SQL. `build` is called once with stand-ins for the arguments; each call sends
 * the compiled SQL with its own values (the query's own constants, such as a list of states, stay as
 * compiled), and rows still go through the plugins (the camelCase mapping of results), as with any
 * executed query. The compiled form is kept per database adapter, which a database's transactions
 * share, so the same query runs on either. `arity` is the number of arguments `build` takes.
 */
export function precompiledQuery<Args extends readonly unknown[], Row>(
  arity: Args['length'],
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  const compiled = precompile(arity, build);
  return async (db, ...args) => {
    const query = compiled(db, args);
    const rows = directReaders.get(db)?.(query.sql, query.parameters);
    if (rows) return rows as Row[];
    return (await db.executeQuery<Row>(query)).rows;
  };
}

/** `precompiledQuery` for an UPDATE, INSERT or DELETE: answers how many rows it changed. */
export function precompiledWrite<Args extends readonly unknown[]>(
  arity: Args['length'],
  build: (db: Kysely<Database>, ...args: Args) => Compilable<unknown>,
): (db: Kysely<Database>, ...args: Args) => Promise<number> {
  const compiled = precompile(arity, build);
  return async (db, ...args) => Number((await db.executeQuery(compiled(db, args))).numAffectedRows ?? 0);
}

/**
 * Precompiled statements of a query whose SQL depends on which options a call gives: one per shape (a key
 * naming everything but the values), made by `make` the first time that shape is asked for. Shapes must
 * stay few: each is kept for the process's life and, on PostgreSQL, prepared on each connection that runs it.
 */
export function perShape<Statement>(): (shape: string, make: () => Statement) => Statement {
  const made = new Map<string, Statement>();
  return (shape, make) => {
    let statement = made.get(shape);
    if (!statement) {
      statement = make();
      made.set(shape, statement);
    }
    return statement;
  };
}

const rowInserts = perShape<(db: Kysely<Database>, ...values: unknown[]) => Promise<number>>();

/**
 * Inserts one row, compiled once per table, set of columns and conflict target; answers how many rows it
 * wrote. With `skipConflictOn`, a row that would break that unique index is skipped (0). Columns given as
 * undefined are left out, as Kysely leaves them out.
 */
export function insertRow<Table extends keyof Database & string>(
  db: Kysely<Database>,
  table: Table,
  row: Insertable<Database[Table]>,
  skipConflictOn?: ReadonlyArray<string>,
): Promise<number> {
  const values = row as Record<string, unknown>;
  const columns = Object.keys(values).filter((column) => values[column] !== undefined);
  const shape = `${table}|${columns.join(',')}|${skipConflictOn?.join(',') ?? ''}`;
  const insert = rowInserts(shape, () =>
    precompiledWrite(columns.length, (db, ...standIns: unknown[]) => {
      // Typed loosely: the shape is only known at run time, and `row` was checked against the table above.
      const query = db
        .insertInto(table)
        .values(Object.fromEntries(columns.map((column, index) => [column, standIns[index]])) as never);
      return skipConflictOn
        ? query.onConflict((conflict) => conflict.columns(skipConflictOn as never).doNothing())
        : query;
    }),
  );
  return insert(db, ...columns.map((column) => values[column]));
}
