/**
 * Keeps the server's own SQLite connection away from the database while the checkpointer thread starts the
 * WAL over. A RESTART checkpoint holds the write lock while it copies the last pages and waits for readers;
 * a write on the server's connection that meets it gets SQLITE_BUSY, and SQLite's busy handler then sleeps
 * 1, 2, 5, 10, 15, 20 ms… between tries, on the event loop's thread, since better-sqlite3 is synchronous.
 * Every request stalled with it: 45–50 ms at every restart in the bench, the largest part of order
 * creation's p99 at 1,500/s and of the cycle's steps' p99. With the gate the checkpointer closes it just
 * before the restart and opens it after; meanwhile the connection's queries wait for it asynchronously
 * (requests that do not touch the database, and signatures, go on), and a restart finds no reader or
 * writer of this process in its way.
 */

/**
 * Ten times as long as a restart keeps trying (RESTART_TRIES_MS in database.ts): a checkpointer thread stopped
 * with the gate closed cannot hold the server's queries for longer.
 */
const LONGEST_WAIT_MS = 2_000;

/** The shared cells: the gate's state and how many restarts closed it. */
const CELLS = { state: 0, restarts: 1 } as const;
const CLOSED = 1;
const OPEN = 0;

export class WalRestartGate {
  /** Shared with the checkpointer thread (`WITH_GATE_CLOSED_SOURCE`). */
  readonly buffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  readonly #cells = new Int32Array(this.buffer);

  get closed(): boolean {
    return Atomics.load(this.#cells, CELLS.state) === CLOSED;
  }

  /** How many times the gate was closed: for tests and for reading a run. */
  get restarts(): number {
    return Atomics.load(this.#cells, CELLS.restarts);
  }

  /** Resolves once the gate is open (at once if it is). */
  async whenOpen(): Promise<void> {
    while (this.closed) {
      const wait = Atomics.waitAsync(this.#cells, CELLS.state, CLOSED, LONGEST_WAIT_MS);
      if (wait.async && (await wait.value) === 'timed-out') return;
    }
  }

  close(): void {
    Atomics.add(this.#cells, CELLS.restarts, 1);
    Atomics.store(this.#cells, CELLS.state, CLOSED);
  }

  open(): void {
    Atomics.store(this.#cells, CELLS.state, OPEN);
    Atomics.notify(this.#cells, CELLS.state);
  }
}

/**
 * The checkpointer's side, as source text for its eval'd worker (the same text runs from the sources and
 * the bundle): `withGateClosed(buffer, work)` runs `work` with the gate closed and opens it whatever happens.
 */
export const WITH_GATE_CLOSED_SOURCE = `
function withGateClosed(buffer, work) {
  const cells = new Int32Array(buffer);
  Atomics.add(cells, ${CELLS.restarts}, 1);
  Atomics.store(cells, ${CELLS.state}, ${CLOSED});
  try {
    return work();
  } finally {
    Atomics.store(cells, ${CELLS.state}, ${OPEN});
    Atomics.notify(cells, ${CELLS.state});
  }
}
`;
