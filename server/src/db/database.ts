import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';
import { LiteralLimitPlugin } from './literal-limit';
import { allowDirectReads, precompiledStatementName } from './precompiled';
import { allowRowWatching, allowStatementWatching, type StatementObserver } from './row-changes';
import { camelCasePlugin, sqliteStatements } from './sqlite-statements';
import type { Database } from './schema/index';
import { WITH_GATE_CLOSED_SOURCE, WalRestartGate } from './wal-restart-gate';

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * True on PostgreSQL, where transactions overlap and `FOR UPDATE SKIP LOCKED` exists; SQLite runs one
 * transaction at a time and has no such clause.
 */
export const hasRowLocks = isPostgres;

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * node-postgres returns BIGINT (money columns, `count(*)`) and NUMERIC (`sum()` of a BIGINT) as strings,
 * since they can exceed a double. Money here is minor units far below 2^53, and the app's types say
 * `number` on both databases, so they are parsed, and a value that would lose precision fails loudly
 * instead of being rounded.
 */
function parseWholeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`database returned ${text}, beyond a safe integer`);
  return value;
}

const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? parseWholeNumber
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface DatabaseHooks {
  /** An idle pooled connection failed (the server restarted, the network dropped); the pool replaces it. */
  onPoolError?: (error: Error) => void;
}

/**
 * Sends the hot queries (those of `precompiledQuery`) as named prepared statements: each connection then
 * parses and plans one once instead of on every call. The set is bounded (a fixed list, and a few dozen
 * shapes of the `perShape` queries), so every connection keeps at most a few dozen statements; the other
 * queries, whose text varies with their values, stay unnamed.
 * Every statement's text is shown to `observers` first.
 */
function preparingHotQueries(client: pg.PoolClient, observers: readonly StatementObserver[]): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    let afterwards: Array<() => void> | undefined;
    if (typeof text === 'string') {
      for (const observe of observers) {
        const then = observe(text, client);
        if (then) (afterwards ??= []).push(then);
      }
    }
    const name = args.length === 2 && typeof text === 'string' ? precompiledStatementName(text) : undefined;
    const result = name ? query({ name, text, values }) : query(...args);
    if (afterwards) {
      // Registered before the caller's own wait on the result, so it runs before the caller goes on.
      const done = () => afterwards.forEach((then) => then());
      void Promise.resolve(result).then(done, done);
    }
    return result;
  }) as typeof client.query;
}

function createPostgresDatabase(url: string, poolSize: number, hooks: DatabaseHooks): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: postgresTypes });
  // Without a listener, an error on an idle client is an uncaught exception that ends the process.
  pool.on('error', (error) => hooks.onPoolError?.(error));
  // Every statement this process sends passes here, so caches can hear of their own writes (watchOwnWrites).
  const observers: StatementObserver[] = [];
  pool.on('connect', (client) => preparingHotQueries(client, observers));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  allowStatementWatching(db, (observer) => observers.push(observer));
  return db;
}

const BUSY_TIMEOUT_MS = 5000;
const WAL_RETRY_PAUSE_MS = 25;

/**
 * Turns a fresh file to WAL. The switch needs a lock upgrade, for which SQLite returns SQLITE_BUSY at
 * once instead of calling the busy handler, so two processes starting together on a new data folder
 * could see one of them fail. It is retried for as long as the busy timeout would have waited; the
 * pause blocks, which is fine at start-up, before anything else runs.
 */
function switchToWal(sqlite: SqliteDatabase.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= giveUpAt) throw error;
      Atomics.wait(pause, 0, 0, WAL_RETRY_PAUSE_MS);
    }
  }
}

/** How often the WAL is copied back into the database file, off the request path. */
const CHECKPOINT_INTERVAL_MS = 1_000;
/**
 * The WAL size past which the checkpointer has the WAL started over, and which it is cut back to then:
 * large enough that only a long burst of writes reaches it (each restart holds writers back a few ms).
 */
const DEFAULT_WAL_LIMIT_BYTES = 256 * 1024 * 1024;
/** How long a restart keeps trying to get past a transaction or read under way, with the server's writes held. */
const RESTART_TRIES_MS = 200;

/*
 * Runs in a worker thread on a connection of its own: a PASSIVE checkpoint copies what it can of the WAL into
 * the database file without waiting for readers or blocking writers.
 */
const CHECKPOINTER_SOURCE = `
const { workerData } = require('node:worker_threads');
${WITH_GATE_CLOSED_SOURCE}
const pause = new Int32Array(new SharedArrayBuffer(4));
const Database = require(workerData.driver);
setInterval(() => {
  // Opened per run, so the app's own connection is the last one when it closes (and checkpoints then).
  let db;
  try {
    db = new Database(workerData.file, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    const [copied] = db.pragma('wal_checkpoint(PASSIVE)');
    // Under steady writes some commit always lands while a passive run copies, so the WAL is never all
    // copied when a write starts, the one moment SQLite starts it over: 8 s of the bench's order creation
    // left a WAL of 970 MB beside a 14 MB database. Past the limit, a second passive run copies what came
    // in during the first, and RESTART copies the rest and makes the next commit write from the start of
    // the file. It holds the write lock while it runs and waits for readers, so the server's connection waits
    // for it at the gate (WalRestartGate) instead of meeting the lock. With the gate closed only a transaction
    // or read already under way on that connection holds it back, for a moment: RESTART is tried again every
    // half millisecond instead of through SQLite's busy handler, whose sleeps grow 1, 2, 5, 10, 15 ms (a
    // restart that had 38 pages to copy took 32 ms that way). Past the limit below it gives up, the gate
    // opens, and the next run tries again.
    if (copied.log * db.pragma('page_size', { simple: true }) > workerData.walLimitBytes) {
      db.pragma('wal_checkpoint(PASSIVE)');
      withGateClosed(workerData.gate, () => {
        db.pragma('busy_timeout = 0');
        const giveUpAt = Date.now() + workerData.restartTriesMs;
        while (db.pragma('wal_checkpoint(RESTART)')[0].busy && Date.now() < giveUpAt) {
          Atomics.wait(pause, 0, 0, 0.5);
        }
      });
    }
  } catch {
    // The next run tries again; a failed checkpoint loses nothing, the WAL keeps every commit.
  } finally {
    db?.close();
  }
}, workerData.intervalMs);
`;

/**
 * Moves WAL checkpoints off the event loop. With SQLite's default, the commit that takes the WAL past
 * 1,000 pages copies them all into the database file and syncs it, inside the request that happened to
 * commit: in the bench profile commits averaged 305 µs where writing a few pages takes tens, and those
 * requests waited tens of milliseconds. Here no commit checkpoints (`wal_autocheckpoint = 0`) and a worker
 * thread does it every second on its own connection. If the process dies, the WAL is still the log of
 * record: the next start reads it as before.
 */
function startCheckpointer(
  sqlite: SqliteDatabase.Database,
  file: string,
  walLimitBytes: number,
  gate: WalRestartGate,
): Worker {
  sqlite.pragma('wal_autocheckpoint = 0');
  // A WAL started over keeps its file at the largest size it reached; this cuts it back.
  sqlite.pragma(`journal_size_limit = ${walLimitBytes}`);
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      intervalMs: CHECKPOINT_INTERVAL_MS,
      walLimitBytes,
      gate: gate.buffer,
      restartTriesMs: RESTART_TRIES_MS,
    },
  });
  // Never keeps the process alive: closing the database ends it, and so does the process's own exit.
  worker.unref();
  return worker;
}

const walRestartGates = new WeakMap<Kysely<Database>, WalRestartGate>();

/** The WAL restart gate of a database opened on SQLite by `createDatabase`; none on PostgreSQL. */
export function walRestartGateOf(db: Kysely<Database>): WalRestartGate | undefined {
  return walRestartGates.get(db);
}

/**
 * Opens the database the configuration names: the embedded SQLite file (the zero-set-up default) or
 * PostgreSQL through a pool, behind the same typed `Kysely<Database>`.
 */
export function createDatabase(config: DatabaseConfig, hooks: DatabaseHooks = {}): Kysely<Database> {
  if (config.dialect === 'postgres') return createPostgresDatabase(config.url, config.poolSize, hooks);
  mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  // WAL lets readers go on while a write commits; NORMAL sync is durable enough under WAL and much
  // faster. SQLite leaves foreign keys off unless asked, and a busy timeout beats SQLITE_BUSY errors
  // when a second process (a second start, a migration script, a backup) touches the file.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  switchToWal(sqlite);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const gate = new WalRestartGate();
  const checkpointer = startCheckpointer(sqlite, config.file, config.walLimitBytes ?? DEFAULT_WAL_LIMIT_BYTES, gate);
  // A thread stopped in the middle of a restart would leave the gate closed: it opens as the database closes
  // (nothing may use the connection after that), and again once the thread has stopped.
  const stopCheckpointer = () => {
    gate.open();
    void checkpointer.terminate().finally(() => gate.open());
  };
  const statements = sqliteStatements(sqlite, stopCheckpointer, gate);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: statements.database }, gate),
    // Reads that skip the executor (`allowDirectReads`) name their columns as the camelCase plugin does;
    // the other plugin changes only the SQL text.
    plugins: [camelCasePlugin, new LiteralLimitPlugin()],
  });
  allowDirectReads(db, statements.readNow);
  allowRowWatching(db, sqlite);
  walRestartGates.set(db, gate);
  return db;
}
