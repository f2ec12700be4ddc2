import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompiled } from '../../src/db/precompiled';
import { migrateToLatest } from '../../src/db/migrator';
import type { Database } from '../../src/db/schema/index';
import { openTestDatabase } from '../fixtures/database';

describe('precompiled', () => {
  let dir: string;
  let db: Kysely<Database>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-precompiled-'));
    ({ db, drop } = await openTestDatabase(dir));
    await migrateToLatest(db);
    await db
      .insertInto('appMeta')
      .values({ key: 'precompiled-probe', value: 'it works', updatedAt: '2026-12-02T00:00:00.000Z' })
      .execute();
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the SQL compiled once with each call’s value, and maps the row through the plugins', async () => {
    const find = precompiled(db, (query, key) => query.selectFrom('appMeta').selectAll().where('key', '=', key));
    // updated_at comes back as updatedAt: the camelCase plugin still maps the row.
    expect(await find('precompiled-probe')).toEqual({
      key: 'precompiled-probe',
      value: 'it works',
      updatedAt: '2026-12-02T00:00:00.000Z',
    });
    expect(await find('no such key')).toBeUndefined();
    // A value that looks like SQL is only a value.
    expect(await find("x' OR '1'='1")).toBeUndefined();
  });

  it('refuses a query whose parameters are not exactly the one it is given', () => {
    expect(() =>
      precompiled(db, (query, key) =>
        query.selectFrom('appMeta').selectAll().where('key', '=', key).where('value', '=', 'fixed'),
      ),
    ).toThrow(/exactly one parameter/);
    expect(() => precompiled(db, (query) => query.selectFrom('appMeta').selectAll())).toThrow(/exactly one parameter/);
  });
});
