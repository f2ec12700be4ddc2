import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenToChannel } from '../../src/db/listen';
import { createTestDatabase, onPostgres, type TestDatabase } from '../fixtures/database';

const until = async (condition: () => boolean, withinMs = 10_000) => {
  const giveUpAt = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.skipIf(!onPostgres)('listenToChannel', () => {
  let dir: string;
  let database: TestDatabase;
  let admin: pg.Client;
  let url: string;
  let name: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-listen-'));
    database = await createTestDatabase(dir);
    url = (database.config as { url: string }).url;
    name = new URL(url).pathname.slice(1);
    // Connected to the cluster's own database, so it can shut this one's door and still talk.
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`alter database ${name} allow_connections true`);
    await admin.end();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  /** NOTIFY reaches the listeners of the database it is sent in: sent from there. */
  const notifyInDatabase = async (payload: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`select pg_notify('cbc_listen_test', $1)`, [payload]);
    } finally {
      await client.end();
    }
  };

  it('refuses to start without the database, and then tries nothing more', async () => {
    const events: string[] = [];
    const bad = new URL(url);
    bad.pathname = '/cbc_no_such_database';
    await expect(
      listenToChannel(bad.toString(), 'cbc_listen_test', {
        onMessage: () => events.push('message'),
        onListening: () => events.push('listening'),
        onLost: () => events.push('lost'),
      }),
    ).rejects.toThrow(/does not exist/);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(events).toEqual([]);
  });

  it('hears notifications, and after losing its connection listens again once the database lets it', async () => {
    const events: string[] = [];
    const listener = await listenToChannel(url, 'cbc_listen_test', {
      onMessage: (payload) => events.push(`message ${payload}`),
      onListening: () => events.push('listening'),
      onLost: () => events.push('lost'),
    });
    try {
      await notifyInDatabase('one');
      await until(() => events.includes('message one'));

      // Cut off, with the door shut: every try to come back fails until it opens.
      await admin.query(`alter database ${name} allow_connections false`);
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = $2`,
        [name, 'cbc-listen-cbc_listen_test'],
      );
      await until(() => events.filter((event) => event === 'lost').length >= 2, 5_000);
      await admin.query(`alter database ${name} allow_connections true`);
      await until(() => events.filter((event) => event === 'listening').length === 2);
      // One retry loop, not one per failure: no second 'listening' follows.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(events.filter((event) => event === 'listening')).toHaveLength(2);

      await notifyInDatabase('two');
      await until(() => events.includes('message two'));
      expect(events[0]).toBe('listening');
    } finally {
      await listener.close();
    }
  });
});
