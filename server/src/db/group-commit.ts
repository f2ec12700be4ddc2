import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { hasRowLocks } from './database';
import type { Database } from './schema/index';

/**
 * Work for a shared transaction: database statements only. It must not wait on anything else (a payment
 * provider, a timer, a file), since every other work of its batch waits for its commit behind it.
 */
export type TransactionWork<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  work: TransactionWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How many transactions committed how many works: for tests and for reading a run. */
export interface GroupCommitCounts {
  transactions: number;
  works: number;
}

const SAVEPOINT = CompiledQuery.raw('savepoint work');
const RELEASE = CompiledQuery.raw('release work');
const ROLLBACK_TO = CompiledQuery.raw('rollback to work');

/**
 * Group commit on the embedded SQLite. One write transaction runs at a time there, and its commit
 * (appending each page it changed to the WAL) and its `BEGIN IMMEDIATE` were over a quarter of an order's
 * creation under load, paid once per order although concurrent orders change the same pages: the
 * table's last page and the indexes on card, user and date. Works asked for in one turn of the event
 * loop now run one after the other in a single transaction, each in a savepoint of its own: a work that
 * throws is rolled back to its savepoint and gets its own error, and the others go on. Every promise
 * settles only once the transaction has committed, so no reply tells of a row not yet durable; if the
 * commit itself fails, every work of the batch gets that error, and nothing of any of them is written.
 * Works see each other's rows in order, as they would in transactions one after the other.
 */
class GroupCommit {
  readonly counts: GroupCommitCounts = { transactions: 0, works: 0 };
  #queue: Pending[] = [];
  #scheduled = false;

  constructor(private readonly db: Kysely<Database>) {}

  run<T>(work: TransactionWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the requests read in this turn of the loop have queued their works, not a timer later.
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    this.counts.transactions += 1;
    this.counts.works += batch.length;
    if (batch.length === 1) {
      const [only] = batch as [Pending];
      await this.db.transaction().execute(only.work).then(only.resolve, only.reject);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const { work } of batch) {
          await trx.executeQuery(SAVEPOINT);
          try {
            const value = await work(trx);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}

const groups = new WeakMap<Kysely<Database>, GroupCommit>();

function groupOf(db: Kysely<Database>): GroupCommit {
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(db);
    groups.set(db, group);
  }
  return group;
}

/**
 * Runs `work` in a transaction and settles once it has committed. On SQLite the transaction is shared
 * with the other works asked for in the same turn of the event loop (`GroupCommit`); on PostgreSQL,
 * whose transactions run side by side on a pool, each work has a transaction of its own.
 */
export function inGroupCommit<T>(db: Kysely<Database>, work: TransactionWork<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  if (hasRowLocks(db)) return db.transaction().execute(work);
  return groupOf(db).run(work);
}

/** The counts of `db`'s group commits so far; none on PostgreSQL. */
export function groupCommitCounts(db: Kysely<Database>): GroupCommitCounts {
  return { ...(groups.get(db)?.counts ?? { transactions: 0, works: 0 }) };
}
