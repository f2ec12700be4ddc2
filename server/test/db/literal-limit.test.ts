import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrator';

describe('LiteralLimitPlugin (SQLite)', () => {
  let dir: string;
  const open = () => createDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
  let db: ReturnType<typeof open>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-limit-'));
    db = open();
    await migrateToLatest(db);
    await db
      .insertInto('appMeta')
      .values(['a', 'b', 'c'].map((key) => ({ key, value: key, updatedAt: '2026-12-03T00:00:00.000Z' })))
      .execute();
  });
  afterAll(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a whole-number limit into the SQL, where SQLite would re-plan a bound one on every run', async () => {
    const query = db.selectFrom('appMeta').select('key').where('value', '!=', 'x').orderBy('key').limit(2);
    const compiled = query.compile();
    expect(compiled.sql).toMatch(/ limit 2$/);
    expect(compiled.parameters).toEqual(['x']);
    expect(await query.execute()).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(await db.selectFrom('appMeta').select('key').orderBy('key').limit(1).execute()).toEqual([{ key: 'a' }]);
  });

  it('leaves any other limit bound', () => {
    const fromExpression = db
      .selectFrom('appMeta')
      .select('key')
      .limit(sql<number>`${2} + ${1}`)
      .compile();
    expect(fromExpression.sql).toMatch(/ limit \? \+ \?$/);
    expect(fromExpression.parameters).toEqual([2, 1]);
    const fraction = db.selectFrom('appMeta').select('key').limit(1.5).compile();
    expect(fraction.sql).toMatch(/ limit \?$/);
  });
});
