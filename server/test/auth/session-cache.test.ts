import { describe, expect, it } from 'vitest';
import { createSessionCache, type CachedSessionRow } from '../../src/auth/session-cache';

interface Row extends CachedSessionRow {
  name: string;
}

const live = (id: string, name = id): Row => ({ id, name, revokedAt: null });

/** A cache on a clock the test moves, and a count of the database reads it made. */
function setUp(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let time = 0;
  const cache = createSessionCache<Row>({ ttlMs: 1_000, ...options, now: () => time });
  const reads: string[] = [];
  const database = new Map<string, Row>();
  const read = (tokenHash: string) =>
    cache.read(tokenHash, async () => {
      reads.push(tokenHash);
      return database.get(tokenHash);
    });
  return { cache, database, reads, read, advance: (ms: number) => (time += ms) };
}

describe('session cache', () => {
  it('answers from memory within the TTL and reads the database again after it', async () => {
    const { database, reads, read, advance } = setUp();
    database.set('t1', live('u1', 'first'));
    expect(await read('t1')).toEqual(live('u1', 'first'));
    database.set('t1', live('u1', 'second'));
    advance(999);
    expect((await read('t1'))?.name).toBe('first');
    advance(1);
    expect((await read('t1'))?.name).toBe('second');
    expect(reads).toEqual(['t1', 't1']);
  });

  it('never keeps an unknown or a revoked token', async () => {
    const { database, reads, read } = setUp();
    database.set('revoked', { ...live('u1'), revokedAt: '2026-12-04T00:00:00.000Z' });
    expect(await read('unknown')).toBeUndefined();
    expect(await read('unknown')).toBeUndefined();
    expect((await read('revoked'))?.revokedAt).not.toBeNull();
    expect((await read('revoked'))?.revokedAt).not.toBeNull();
    expect(reads).toEqual(['unknown', 'unknown', 'revoked', 'revoked']);
  });

  it('forgets every token of a changed user, and only theirs', async () => {
    const { cache, database, reads, read } = setUp();
    database.set('a1', live('a'));
    database.set('a2', live('a'));
    database.set('b1', live('b'));
    for (const token of ['a1', 'a2', 'b1']) await read(token);
    cache.forgetUser('a');
    for (const token of ['a1', 'a2', 'b1']) await read(token);
    expect(reads).toEqual(['a1', 'a2', 'b1', 'a1', 'a2']);
  });

  it('does not keep a read that a change overtook', async () => {
    const { cache, database, reads } = setUp();
    database.set('t1', live('u1', 'before'));
    let finishRead!: () => void;
    const held = new Promise<void>((resolve) => (finishRead = resolve));
    const slowRead = cache.read('t1', async () => {
      const row = database.get('t1');
      await held;
      return row;
    });
    // The change commits and is announced while the read is on its way back with the old row.
    database.set('t1', live('u1', 'after'));
    cache.forgetUser('u1');
    finishRead();
    expect((await slowRead)?.name).toBe('before');
    const next = await cache.read('t1', async () => {
      reads.push('t1');
      return database.get('t1');
    });
    expect(next?.name).toBe('after');
    expect(reads).toEqual(['t1']);
  });

  it('keeps nothing while off, and starts empty when on again', async () => {
    const { cache, database, reads, read } = setUp();
    database.set('t1', live('u1'));
    await read('t1');
    cache.setEnabled(false);
    await read('t1');
    await read('t1');
    cache.setEnabled(true);
    await read('t1');
    await read('t1');
    expect(reads).toEqual(['t1', 't1', 't1', 't1']);
  });

  it('keeps nothing with a TTL of 0', async () => {
    const { database, reads, read } = setUp({ ttlMs: 0 });
    database.set('t1', live('u1'));
    await read('t1');
    await read('t1');
    expect(reads).toEqual(['t1', 't1']);
  });

  it('lets the entry read longest ago go first when full', async () => {
    const { database, reads, read, advance } = setUp({ maxEntries: 2 });
    for (const token of ['t1', 't2', 't3']) database.set(token, live(token));
    await read('t1');
    advance(10);
    await read('t2');
    await read('t3');
    reads.length = 0;
    await read('t2');
    await read('t3');
    await read('t1');
    expect(reads).toEqual(['t1']);
  });
});
