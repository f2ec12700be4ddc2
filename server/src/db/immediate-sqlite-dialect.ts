import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { WalRestartGate } from './wal-restart-gate';

/**
 * Kysely's SQLite driver opens transactions with a plain `BEGIN`, which takes no lock until the first
 * write. A transaction that reads first (the month's total before an order's insert) then has to turn its
 * read lock into the write lock, and SQLite answers SQLITE_BUSY at once, without waiting out the busy
 * timeout, when another connection holds that lock at that moment: the checkpointer starting the WAL
 * over, a backup, a second process. `BEGIN IMMEDIATE` takes the write lock up front, where the busy
 * timeout applies. This process has one connection, so its own transactions queue anyway.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  readonly #gate: WalRestartGate | undefined;

  constructor(config: SqliteDialectConfig, gate: WalRestartGate | undefined) {
    super(config);
    this.#gate = gate;
  }

  /** Every query and transaction asks for the connection here: none starts while the WAL is started over. */
  override async acquireConnection(): Promise<DatabaseConnection> {
    // Every query passes here; the gate is nearly always open, and then costs no extra promise.
    if (this.#gate?.closed) await this.#gate.whenOpen();
    return super.acquireConnection();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #gate: WalRestartGate | undefined;

  constructor(config: SqliteDialectConfig, gate?: WalRestartGate) {
    super(config);
    this.#config = config;
    this.#gate = gate;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#config, this.#gate);
  }
}
