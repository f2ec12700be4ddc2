import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database';
import { watchOwnWrites, watchRowOwners } from '../../src/db/row-changes';
import type { Database } from '../../src/db/schema/index';
import { TEST_DATABASE_URL, openTestDatabase } from '../fixtures/database';

const open: Array<Kysely<Database>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.destroy()));
});

/** A SQLite file with a table of owned rows and a child table that cascades, watched on the app's connection. */
async function watchedFile() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cbc-row-changes-')), 'app.sqlite');
  const db = createDatabase({ dialect: 'sqlite', file });
  open.push(db);
  await sql`create table boxes (id text primary key, owner_id text not null, n integer not null)`.execute(db);
  await sql`create table lids (id text primary key, box_id text not null references boxes (id) on delete cascade, owner_id text not null)`.execute(
    db,
  );
  const heard: string[] = [];
  expect(watchRowOwners(db, 'boxes', 'owner_id', (owner) => heard.push(`box:${owner}`))).toBe(true);
  expect(watchRowOwners(db, 'lids', 'owner_id', (owner) => heard.push(`lid:${owner}`))).toBe(true);
  return { db, file, heard };
}

describe.skipIf(TEST_DATABASE_URL !== undefined)('watchRowOwners on the embedded SQLite', () => {
  it('hears the owner of every row inserted, updated or deleted, cascades included, as each statement runs', async () => {
    const { db, heard } = await watchedFile();
    await sql`insert into boxes values ('b1', 'ann', 1), ('b2', 'bob', 1)`.execute(db);
    expect(heard.splice(0)).toEqual(['box:ann', 'box:bob']);
    await sql`insert into lids values ('l1', 'b1', 'ann')`.execute(db);
    await sql`update boxes set n = n + 1 where id = 'b2'`.execute(db);
    // A row that changes hands: both owners hear of it.
    await sql`update boxes set owner_id = 'cy' where id = 'b2'`.execute(db);
    await sql`delete from boxes where id = 'b1'`.execute(db);
    expect(heard.splice(0)).toEqual(['lid:ann', 'box:bob', 'box:bob', 'box:cy', 'lid:ann', 'box:ann']);
    // Statements that touch no row are silent.
    await sql`update boxes set n = 0 where id = 'nobody'`.execute(db);
    await db
      .selectFrom('boxes' as never)
      .selectAll()
      .execute();
    expect(heard).toEqual([]);
  });

  it('hears a change inside a transaction before it commits, and one that is rolled back', async () => {
    const { db, heard } = await watchedFile();
    await sql`insert into boxes values ('b1', 'ann', 1)`.execute(db);
    heard.length = 0;
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`update boxes set n = 5 where id = 'b1'`.execute(trx);
        expect(heard).toEqual(['box:ann']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await sql<{ n: number }>`select n from boxes`.execute(db)).rows).toEqual([{ n: 1 }]);
  });

  it('leaves other connections to the file alone: they write without the triggers or their function', async () => {
    const { db, file, heard } = await watchedFile();
    await sql`insert into boxes values ('b1', 'ann', 1)`.execute(db);
    heard.length = 0;
    const other = new SqliteDatabase(file);
    try {
      other.prepare(`update boxes set n = 7 where id = 'b1'`).run();
      other.prepare(`insert into boxes values ('b2', 'bob', 1)`).run();
    } finally {
      other.close();
    }
    expect(heard).toEqual([]);
    expect((await sql<{ n: number }>`select sum(n) as n from boxes`.execute(db)).rows).toEqual([{ n: 8 }]);
  });

  it('refuses a table or column that is not a plain identifier', async () => {
    const { db } = await watchedFile();
    expect(() => watchRowOwners(db, 'boxes; drop table lids', 'owner_id', () => undefined)).toThrow(
      'not a plain identifier',
    );
  });
});

describe.skipIf(TEST_DATABASE_URL === undefined)('watchRowOwners on PostgreSQL', () => {
  it('cannot hear every change (other instances write too), so it says so', async () => {
    const { db, drop } = await openTestDatabase(mkdtempSync(path.join(tmpdir(), 'cbc-row-changes-')));
    try {
      expect(watchRowOwners(db, 'cards', 'user_id', () => undefined)).toBe(false);
    } finally {
      await drop();
    }
  });

  it("hears this process's own writes to a table as each is sent and again once committed, in Kysely's SQL and in plain SQL", async () => {
    const { db, drop } = await openTestDatabase(mkdtempSync(path.join(tmpdir(), 'cbc-row-changes-')));
    try {
      await sql`create table boxes (id text primary key, n integer not null)`.execute(db);
      await sql`create table boxes_log (id text primary key)`.execute(db);
      const heard: string[] = [];
      expect(watchOwnWrites(db, ['boxes'], () => heard.push('boxes'))).toBe(true);
      const untyped = db as unknown as Kysely<Record<string, { id: string; n: number }>>;
      // Outside a transaction a write commits as it completes: heard as it is sent, and once it has completed.
      await untyped.insertInto('boxes').values({ id: 'a', n: 1 }).execute();
      expect(heard).toHaveLength(2);
      await untyped.updateTable('boxes').set({ n: 2 }).where('id', '=', 'a').execute();
      await sql`UPDATE boxes SET n = 3`.execute(db);
      expect(heard).toHaveLength(6);
      await db.transaction().execute(async (trx) => {
        await sql`delete from boxes where id = 'a'`.execute(trx);
        await sql`insert into boxes (id, n) values ('b', 1)`.execute(trx);
        // Heard as each is sent, before the transaction commits, as on SQLite...
        expect(heard).toHaveLength(8);
      });
      // ...and once more when its COMMIT has completed: a read on another connection in between saw the
      // rows as they were.
      expect(heard).toHaveLength(9);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`update boxes set n = 4`.execute(trx);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(heard).toHaveLength(11);
      // Reads, and writes to another table whose name begins the same, are not writes to boxes; neither is
      // a transaction that wrote nothing to it.
      await untyped.selectFrom('boxes').selectAll().execute();
      await sql`insert into boxes_log (id) values ('x')`.execute(db);
      await sql`update "boxes_log" set id = 'y'`.execute(db);
      await db.transaction().execute(async (trx) => {
        await sql`insert into boxes_log (id) values ('z')`.execute(trx);
      });
      expect(heard).toHaveLength(11);
      expect(() => watchOwnWrites(db, ['boxes; drop table boxes'], () => undefined)).toThrow();
    } finally {
      await drop();
    }
  });
});

describe.skipIf(TEST_DATABASE_URL !== undefined)('watchOwnWrites on the embedded SQLite', () => {
  it('has nothing to watch there (watchRowOwners hears every change)', async () => {
    const { db } = await watchedFile();
    expect(watchOwnWrites(db, ['boxes'], () => undefined)).toBe(false);
  });
});
