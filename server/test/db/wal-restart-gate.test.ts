import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, walRestartGateOf } from '../../src/db/database';
import { precompiledQuery } from '../../src/db/precompiled';
import type { Database } from '../../src/db/schema/index';
import type { WalRestartGate } from '../../src/db/wal-restart-gate';

/** A table outside the app's schema: the gate concerns the connection, not any table. */
interface Notes {
  notes: { id: Generated<number>; text: string };
}

const settled = <T>(promise: Promise<T>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
};

/**
 * A few turns of the event loop, timers included: what the server does while its queries wait. A query
 * with nothing holding it settles within one; the gate's own give-up (2 s) is far beyond a few.
 */
const turns = async (count: number) => {
  for (let index = 0; index < count; index += 1) await new Promise((resolve) => setTimeout(resolve, 1));
  return count;
};

describe('WAL restart gate (SQLite)', () => {
  let dir: string;
  let file: string;
  let db: Kysely<Database>;
  let gate: WalRestartGate;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-wal-gate-'));
    file = path.join(dir, 'app.sqlite');
    db = createDatabase({ dialect: 'sqlite', file });
    gate = walRestartGateOf(db) as WalRestartGate;
    await sql`create table notes (id integer primary key, text text not null)`.execute(db);
    await sql`insert into notes (text) values ('first')`.execute(db);
  });

  afterEach(async () => {
    gate.open();
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('holds writes, transactions and reads while closed, and lets the event loop run meanwhile', async () => {
    const notes = db as unknown as Kysely<Notes>;
    const readNote = precompiledQuery(1, (any, id: number) =>
      (any as unknown as Kysely<Notes>).selectFrom('notes').select('text').where('id', '=', id),
    );
    gate.close();
    const write = notes.insertInto('notes').values({ text: 'second' }).execute();
    const transaction = notes.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ text: 'third' }).execute();
    });
    // A compiled read on the database itself usually runs at once, outside Kysely's executor.
    const read = readNote(db, 1);
    const [writeDone, transactionDone, readDone] = [settled(write), settled(transaction), settled(read)];

    expect(await turns(5)).toBe(5);
    expect([writeDone(), transactionDone(), readDone()]).toEqual([false, false, false]);
    const outside = new SqliteDatabase(file, { readonly: true });
    try {
      expect(outside.prepare('select count(*) as n from notes').get()).toEqual({ n: 1 });
      gate.open();
      await Promise.all([write, transaction]);
      expect(await read).toEqual([{ text: 'first' }]);
      expect(outside.prepare('select text from notes order by id').all()).toEqual([
        { text: 'first' },
        { text: 'second' },
        { text: 'third' },
      ]);
    } finally {
      outside.close();
    }
  });

  it('lets a transaction already under way finish while the gate closes behind it', async () => {
    const notes = db as unknown as Kysely<Notes>;
    let closeNow: () => void = () => undefined;
    const halfway = new Promise<void>((resolve) => (closeNow = resolve));
    const transaction = notes.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ text: 'under way' }).execute();
      closeNow();
      // The gate closes here: the rest of this transaction runs on the connection it already holds.
      await turns(2);
      await trx.insertInto('notes').values({ text: 'still under way' }).execute();
    });
    await halfway;
    gate.close();
    const later = notes.insertInto('notes').values({ text: 'after' }).execute();
    await transaction;
    const laterDone = settled(later);
    await turns(5);
    expect(laterDone()).toBe(false);
    gate.open();
    await later;
    expect((await notes.selectFrom('notes').select('text').orderBy('id').execute()).map((row) => row.text)).toEqual([
      'first',
      'under way',
      'still under way',
      'after',
    ]);
  });

  it('is open when the database closes, whatever state the checkpointer left it in', async () => {
    gate.close();
    await db.destroy();
    expect(gate.closed).toBe(false);
    db = createDatabase({ dialect: 'sqlite', file });
    gate = walRestartGateOf(db) as WalRestartGate;
  });
});
