import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteStatements } from '../../src/db/sqlite-statements';

interface Tables {
  entries: { id: string; card_id: string; amount_minor: number; note: string | null };
}

const open: Array<Kysely<Tables>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.destroy()));
});

/**
 * A SQLite file with a few rows, read through Kysely over the cache (with `plugins`), the cache's own
 * connection and statements, and the same file opened plainly.
 */
function fixture(plugins: KyselyPlugin[] = []) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cbc-statements-')), 'app.sqlite');
  const plain = new SqliteDatabase(file);
  plain.exec(`create table entries (id text primary key, card_id text not null, amount_minor integer not null, note text);
    insert into entries values ('e1', 'c1', 10000, null), ('e2', 'c1', -2500, 'toll'), ('e3', 'c2', 9007199254740991, '粤Z·1234港');`);
  let closed = false;
  const sqlite = new SqliteDatabase(file);
  const statements = sqliteStatements(sqlite, () => (closed = true));
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: statements.database }), plugins });
  open.push(db);
  return { db, plain, sqlite, statements, closed: () => closed };
}

describe('sqliteStatements', () => {
  it('reads the rows object mode would, value for value, the same statement again and again', async () => {
    const { db, plain } = fixture();
    const expected = plain.prepare('select * from entries order by id').all();
    for (let round = 0; round < 3; round += 1) {
      expect(await db.selectFrom('entries').selectAll().orderBy('id').execute()).toEqual(expected);
    }
    expect(expected).toHaveLength(3);
    expect(await db.selectFrom('entries').select('note').where('id', '=', 'e3').executeTakeFirst()).toEqual({
      note: '粤Z·1234港',
    });
  });

  it('keeps the later of two columns with one name, as object mode does', async () => {
    const { db, plain } = fixture();
    const query = sql<{ id: string }>`select id, card_id as id from entries where id = ${'e2'}`;
    const row = (await query.execute(db)).rows[0];
    expect(row).toEqual({ id: 'c1' });
    expect(row).toEqual(plain.prepare(`select id, card_id as id from entries where id = 'e2'`).get());
  });

  it('streams rows as objects, and returns rows from a write with RETURNING', async () => {
    const { db } = fixture();
    const streamed: unknown[] = [];
    for await (const row of db.selectFrom('entries').select(['id', 'amount_minor']).orderBy('id').stream()) {
      streamed.push(row);
    }
    expect(streamed).toEqual([
      { id: 'e1', amount_minor: 10000 },
      { id: 'e2', amount_minor: -2500 },
      { id: 'e3', amount_minor: 9007199254740991 },
    ]);
    const inserted = await db
      .insertInto('entries')
      .values({ id: 'e4', card_id: 'c2', amount_minor: 500, note: null })
      .returning(['id', 'note'])
      .executeTakeFirst();
    expect(inserted).toEqual({ id: 'e4', note: null });
    const updated = await db.updateTable('entries').set({ note: 'x' }).where('card_id', '=', 'c1').executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(2);
  });

  it('reads now, outside Kysely, the rows its camelCase plugin makes; not inside a transaction, nor a write', async () => {
    const { db, sqlite, statements } = fixture([new CamelCasePlugin()]);
    const query = db
      .selectFrom('entries')
      .select(['id', 'card_id', 'amount_minor'])
      .where('card_id', '=', 'c1')
      .orderBy('id')
      .compile();
    const throughKysely = (await db.executeQuery(query)).rows;
    expect(throughKysely).toEqual([
      { id: 'e1', cardId: 'c1', amountMinor: 10000 },
      { id: 'e2', cardId: 'c1', amountMinor: -2500 },
    ]);
    expect(statements.readNow(query.sql, query.parameters)).toEqual(throughKysely);

    sqlite.exec('begin');
    expect(statements.readNow(query.sql, query.parameters)).toBeUndefined();
    sqlite.exec('rollback');
    const write = db.deleteFrom('entries').where('id', '=', 'e3').compile();
    expect(statements.readNow(write.sql, write.parameters)).toBeUndefined();
    expect(sqlite.prepare('select count(*) as n from entries').get()).toEqual({ n: 3 });
  });

  it('closes the connection and calls back', async () => {
    const { db, closed } = fixture();
    await db.selectFrom('entries').selectAll().execute();
    await db.destroy();
    expect(closed()).toBe(true);
  });
});
