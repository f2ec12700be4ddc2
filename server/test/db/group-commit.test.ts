import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommitCounts, inGroupCommit } from '../../src/db/group-commit';
import { onPostgres } from '../fixtures/database';
import { buildTestApp, type TestApp } from '../helper';

/**
 * Works given to `inGroupCommit`, on the app's own database: on SQLite those asked for in one turn of
 * the event loop share a transaction (one savepoint each); on PostgreSQL each has its own.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

let nextKey = 0;
const newKey = () => `group-commit-test-${(nextKey += 1)}`;
const at = new Date('2026-12-04T00:00:00.000Z').toISOString();

const writeMeta = (key: string, value = 'v') =>
  inGroupCommit(t.app.db, async (trx) => {
    await trx.insertInto('appMeta').values({ key, value, updatedAt: at }).execute();
    return key;
  });

const storedKeys = async (keys: readonly string[]) =>
  (await t.app.db.selectFrom('appMeta').select('key').where('key', 'in', keys).orderBy('key').execute()).map(
    (row) => row.key,
  );

describe(`inGroupCommit on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('gives each work its own result and writes every row', async () => {
    const keys = Array.from({ length: 8 }, newKey);
    const before = groupCommitCounts(t.app.db);
    expect(await Promise.all(keys.map((key) => writeMeta(key)))).toEqual(keys);
    expect(await storedKeys(keys)).toEqual([...keys].sort());
    const after = groupCommitCounts(t.app.db);
    if (onPostgres) {
      // Side by side on the pool: nothing to share.
      expect(after).toEqual(before);
    } else {
      expect(after.works - before.works).toBe(8);
      expect(after.transactions - before.transactions).toBe(1);
    }
  });

  it('rolls back only the work that throws, which gets its own error; the others are written', async () => {
    const [first, failing, last] = [newKey(), newKey(), newKey()];
    const refused = new Error('this work refuses');
    const results = await Promise.allSettled([
      writeMeta(first),
      inGroupCommit(t.app.db, async (trx) => {
        // Written, then undone with its savepoint when the work throws.
        await trx.insertInto('appMeta').values({ key: failing, value: 'v', updatedAt: at }).execute();
        throw refused;
      }),
      writeMeta(last),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBe(refused);
    expect(await storedKeys([first, failing, last])).toEqual([first, last].sort());
  });

  it('keeps a database error the work’s own, and runs works in the order they were asked for', async () => {
    const key = newKey();
    const results = await Promise.allSettled([
      writeMeta(key, 'first'),
      // The same primary key again: a unique violation for one of the two alone.
      writeMeta(key, 'second'),
      inGroupCommit(t.app.db, (trx) =>
        trx.selectFrom('appMeta').select('value').where('key', '=', key).executeTakeFirst(),
      ),
    ]);
    const [first, second] = results;
    const stored = await t.app.db
      .selectFrom('appMeta')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (onPostgres) {
      // Side by side on the pool: either may win.
      expect([first?.status, second?.status].sort()).toEqual(['fulfilled', 'rejected']);
      const lost = (first?.status === 'rejected' ? first : second) as PromiseRejectedResult;
      expect(String(lost.reason)).toMatch(/duplicate/i);
      expect(stored.value).toBe(first?.status === 'fulfilled' ? 'first' : 'second');
    } else {
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(String((second as PromiseRejectedResult).reason)).toMatch(/unique/i);
      // One after the other in one transaction: the read comes after both writes.
      expect((results[2] as PromiseFulfilledResult<unknown>).value).toEqual({ value: 'first' });
      expect(stored.value).toBe('first');
    }
  });

  it.skipIf(onPostgres)('fails every work of a batch whose commit fails, and writes none of them', async () => {
    const keys = [newKey(), newKey()];
    const deferredViolation = newKey();
    const results = await Promise.allSettled([
      writeMeta(keys[0] as string),
      inGroupCommit(t.app.db, async (trx) => {
        // A foreign key checked at COMMIT: the statement passes, the shared commit does not.
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await trx
          .insertInto('sessions')
          .values({ tokenHash: deferredViolation, userId: 'no-such-user', createdAt: at, expiresAt: at })
          .execute();
      }),
      writeMeta(keys[1] as string),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const result of results) expect(String((result as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await storedKeys(keys)).toEqual([]);
  });

  it('runs a work asked for in a later turn of the event loop in a later transaction', async () => {
    const before = groupCommitCounts(t.app.db);
    await writeMeta(newKey());
    await writeMeta(newKey());
    const after = groupCommitCounts(t.app.db);
    if (!onPostgres) expect(after.transactions - before.transactions).toBe(2);
  });
});
