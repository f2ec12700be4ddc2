import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow, precompiledQuery, precompiledWrite } from '../../src/db/precompiled';
import { migrateToLatest } from '../../src/db/migrator';
import type { Database } from '../../src/db/schema/index';
import { onPostgres, openTestDatabase } from '../fixtures/database';

/** A one-shot signal between a test and the work it holds open. */
function signal(): { fired: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fired, fire };
}

describe('precompiledQuery', () => {
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

  const probe = { key: 'precompiled-probe', value: 'it works', updatedAt: '2026-12-02T00:00:00.000Z' };
  /** The value of a key: the read the tests of who waits for whom run against other callers. */
  const findValue = precompiledQuery(1, (query, key: string) =>
    query.selectFrom('appMeta').select('value').where('key', '=', key),
  );

  it('builds the query once, runs it with each call’s values, and maps rows through the plugins', async () => {
    let builds = 0;
    const find = precompiledQuery(1, (query, key: string) => {
      builds += 1;
      return query.selectFrom('appMeta').selectAll().where('key', '=', key);
    });
    // updated_at comes back as updatedAt: the camelCase plugin still maps the row.
    expect(await find(db, 'precompiled-probe')).toEqual([probe]);
    expect(await find(db, 'no such key')).toEqual([]);
    // A value that looks like SQL is only a value.
    expect(await find(db, "x' OR '1'='1")).toEqual([]);
    expect(builds).toBe(1);
  });

  it('puts each argument where the query has it, keeps the query’s own constants, and runs inside a transaction', async () => {
    let builds = 0;
    const find = precompiledQuery(2, (query, value: string, key: string) => {
      builds += 1;
      return query
        .selectFrom('appMeta')
        .select(['key', 'value'])
        .where('key', '=', key)
        .where('value', '=', value)
        .where('updatedAt', 'in', ['2026-12-02T00:00:00.000Z', '2026-12-03T00:00:00.000Z']);
    });
    expect(await find(db, 'it works', 'precompiled-probe')).toEqual([{ key: 'precompiled-probe', value: 'it works' }]);
    expect(await find(db, 'precompiled-probe', 'it works')).toEqual([]);
    // The transaction's own connection: it sees the row the transaction has written and not committed.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('appMeta')
          .values({ key: 'in-transaction', value: 'uncommitted', updatedAt: '2026-12-03T00:00:00.000Z' })
          .execute();
        expect(await find(trx, 'uncommitted', 'in-transaction')).toEqual([
          { key: 'in-transaction', value: 'uncommitted' },
        ]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await find(db, 'uncommitted', 'in-transaction')).toEqual([]);
    expect(builds).toBe(1);
  });

  it('never reads what another caller’s open transaction has written and not committed', async () => {
    const inserted = signal();
    const released = signal();
    const transaction = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('appMeta')
        .values({ key: 'open-transaction', value: 'uncommitted', updatedAt: '2026-12-03T00:00:00.000Z' })
        .execute();
      inserted.fire();
      await released.fired;
      throw new Error('roll back');
    });
    await inserted.fired;
    // On SQLite the one connection is the transaction's: the read waits for it instead of reading now.
    const read = findValue(db, 'open-transaction');
    released.fire();
    await expect(transaction).rejects.toThrow('roll back');
    expect(await read).toEqual([]);
  });

  it.runIf(!onPostgres)(
    'on SQLite, reads at once instead of queueing for a connection another caller holds',
    async () => {
      const taken = signal();
      const released = signal();
      // Kysely's SQLite driver has one connection: held here (no transaction open), every query through its
      // executor waits for it.
      const holder = db.connection().execute(async () => {
        taken.fire();
        await released.fired;
      });
      await taken.fired;
      const direct = await Promise.race([
        findValue(db, 'precompiled-probe'),
        new Promise<'queued'>((resolve) => setTimeout(() => resolve('queued'), 200)),
      ]);
      released.fire();
      await holder;
      expect(direct).toEqual([{ value: 'it works' }]);
    },
  );

  it.runIf(onPostgres)(
    'is a statement each PostgreSQL connection prepares once, where other queries stay unnamed',
    async () => {
      const find = precompiledQuery(1, (query, key: string) =>
        query.selectFrom('appMeta').select('value').where('key', '=', key),
      );
      await db.connection().execute(async (connection) => {
        expect(await find(connection, 'precompiled-probe')).toEqual([{ value: 'it works' }]);
        expect(await find(connection, 'no such key')).toEqual([]);
        const prepared = await sql<{ name: string; statement: string }>`
          select name, statement from pg_prepared_statements`.execute(connection);
        const ours = prepared.rows.filter((row) => row.statement === 'select "value" from "app_meta" where "key" = $1');
        expect(ours).toHaveLength(1);
        expect(ours[0]?.name).toMatch(/^cbc_precompiled_\d+$/);
        expect(prepared.rows.some((row) => row.statement.includes('pg_prepared_statements'))).toBe(false);
      });
    },
  );

  it('refuses a query that leaves an argument out or changes it on the way', async () => {
    const ignoresKey = precompiledQuery(1, (query, _key: string) => query.selectFrom('appMeta').selectAll());
    await expect(ignoresKey(db, 'precompiled-probe')).rejects.toThrow(/argument 0 is not a parameter/);
    const changesKey = precompiledQuery(1, (query, key: string) =>
      query.selectFrom('appMeta').selectAll().where('key', 'like', `${key}%`),
    );
    await expect(changesKey(db, 'precompiled')).rejects.toThrow(/argument 0 is not a parameter/);
  });
  it('counts the rows a compiled write changed', async () => {
    const setValue = precompiledWrite(2, (query, key: string, value: string) =>
      query.updateTable('appMeta').set({ value }).where('key', '=', key),
    );
    expect(await setValue(db, 'no such key', 'x')).toBe(0);
    expect(await setValue(db, 'write-probe', 'x')).toBe(0);
    await insertRow(db, 'appMeta', { key: 'write-probe', value: 'first', updatedAt: probe.updatedAt });
    expect(await setValue(db, 'write-probe', 'second')).toBe(1);
    expect(await findValue(db, 'write-probe')).toEqual([{ value: 'second' }]);
  });

  it('inserts a row, and skips one that breaks a unique index only when asked to', async () => {
    const row = { key: 'insert-probe', value: 'one', updatedAt: probe.updatedAt };
    expect(await insertRow(db, 'appMeta', row)).toBe(1);
    expect(await insertRow(db, 'appMeta', { ...row, value: 'two' }, ['key'])).toBe(0);
    await expect(insertRow(db, 'appMeta', { ...row, value: 'three' })).rejects.toThrow();
    expect(await findValue(db, 'insert-probe')).toEqual([{ value: 'one' }]);
  });
});
