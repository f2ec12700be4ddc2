import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OrderState } from '@cbc/shared';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config';
import { createDatabase, walRestartGateOf } from '../../src/db/database';
import { isUniqueViolation } from '../../src/db/errors';
import { migrations } from '../../src/db/migrations/index';
import { MigrationError, migrateToLatest } from '../../src/db/migrator';
import type { Database } from '../../src/db/schema/index';
import { createTestDatabase, onPostgres, type TestDatabase } from '../fixtures/database';

describe('database and migrations', () => {
  let dir: string;
  let file: string;
  let database: TestDatabase;
  let db: Kysely<Database>;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-migrations-'));
    file = path.join(dir, 'nested', 'app.sqlite');
    database = await createTestDatabase(path.join(dir, 'nested'));
    db = createDatabase(database.config);
  });

  afterEach(async () => {
    await db.destroy();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const tableNames = async () =>
    (
      await (
        onPostgres
          ? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by name`
          : sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`
      ).execute(db)
    ).rows.map((row) => row.name);

  const uniqueViolation = (write: Promise<unknown>) =>
    write.then(
      () => false,
      (error: unknown) => isUniqueViolation(error),
    );

  it.skipIf(onPostgres)(
    'creates the file (and its folder) on disk with WAL, foreign keys and a busy timeout',
    async () => {
      expect(existsSync(file)).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    },
  );

  it('applies every listed migration on a fresh file, in order', async () => {
    const results = await migrateToLatest(db);
    expect(results.map((r) => [r.migrationName, r.status])).toEqual(
      Object.keys(migrations).map((name) => [name, 'Success']),
    );
    expect(await tableNames()).toEqual(
      expect.arrayContaining([
        'app_meta',
        'cards',
        'kysely_migration',
        'kysely_migration_lock',
        'ledger_entries',
        'messages',
        'orders',
        'sessions',
        'sim_notifications',
        'sim_payments',
        'sms_codes',
        'users',
        'wechat_code_uses',
      ]),
    );
  });

  it('lets the database itself keep one default card per user and one account per card number', async () => {
    await migrateToLatest(db);
    const now = new Date().toISOString();
    await db
      .insertInto('users')
      .values({
        id: 'u1',
        phoneE164: null,
        phoneRegion: null,
        email: null,
        passwordHash: null,
        wechatOpenid: 'o1',
        createdAt: now,
      })
      .execute();
    const card = (id: string, numberHash: string, isDefault: number) => ({
      id,
      userId: 'u1',
      cardType: 'zhonggangtong' as const,
      numberHash,
      numberMasked: '6288 **** **** 0000',
      platesJson: '[]',
      idType: 'hkid' as const,
      idNumberMasked: 'A1*****3',
      idNumberHash: 'h',
      idPhotoFile: null,
      verification: 'photo_required' as const,
      isDefault,
      currency: 'CNY' as const,
      createdAt: now,
    });
    await db
      .insertInto('cards')
      .values(card('c1', 'n1', 1))
      .execute();
    await db
      .insertInto('cards')
      .values(card('c2', 'n2', 0))
      .execute();
    expect(
      await uniqueViolation(
        db
          .insertInto('cards')
          .values(card('c3', 'n3', 1))
          .execute(),
      ),
    ).toBe(true);
    expect(
      await uniqueViolation(
        db
          .insertInto('cards')
          .values(card('c4', 'n1', 0))
          .execute(),
      ),
    ).toBe(true);
    const row = await db.selectFrom('cards').select('balanceMinor').where('id', '=', 'c1').executeTakeFirstOrThrow();
    expect(row.balanceMinor).toBe(0);
  });

  /** User u1 with verified 中港通卡 c1 (its default) and c2, written as the schema of any migration since 002 takes them. */
  const userWithTwoCards = async () => {
    await sql`insert into users (id, wechat_openid, created_at) values ('u1', 'o1', '2026-01-01T00:00:00.000Z')`.execute(
      db,
    );
    for (const id of ['c1', 'c2']) {
      await sql`insert into cards (id, user_id, card_type, number_hash, number_masked, plates_json, id_type,
        id_number_masked, id_number_hash, verification, is_default, currency, created_at)
        values (${id}, 'u1', 'zhonggangtong', ${id}, 'm', '[]', 'hkid', 'm', 'h', 'verified', ${id === 'c1' ? 1 : 0},
        'CNY', '2026-01-01T00:00:00.000Z')`.execute(db);
    }
  };

  it('gives cards credited before 006 their newest top-up from the ledger, and the others none', async () => {
    const before006 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '006'));
    await migrateToLatest(db, before006);
    await userWithTwoCards();
    const entry = (n: number, kind: 'topup' | 'bonus' | 'trip', amountMinor: number, day: string) =>
      sql`insert into ledger_entries (id, card_id, user_id, kind, amount_minor, currency, card_type,
        card_number_masked, receipt_no, created_at)
        values (${`e${n}`}, 'c1', 'u1', ${kind}, ${amountMinor}, 'CNY', 'zhonggangtong', 'm', ${`r${n}`},
        ${`2026-0${day}T08:00:00.000Z`})`.execute(db);
    await entry(1, 'topup', 10_000, '2-01');
    await entry(2, 'bonus', 1_000, '2-01');
    await entry(3, 'topup', 30_000, '3-05');
    await entry(4, 'trip', -3_500, '3-20');

    await migrateToLatest(db);
    const rows = await db.selectFrom('cards').select(['id', 'lastTopupMinor', 'lastTopupAt']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'c1', lastTopupMinor: 30_000, lastTopupAt: '2026-03-05T08:00:00.000Z' },
      { id: 'c2', lastTopupMinor: null, lastTopupAt: null },
    ]);
  });

  it('gives each card and month the total of its orders that still count when 016 adds the totals', async () => {
    const before016 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '016'));
    await migrateToLatest(db, before016);
    await userWithTwoCards();
    let serial = 0;
    const order = (cardId: string, amountMinor: number, state: OrderState, createdAt: string) => {
      serial += 1;
      return db
        .insertInto('orders')
        .values({
          id: `o${serial}`,
          userId: 'u1',
          cardId,
          cardType: 'zhonggangtong',
          cardNumberMasked: 'm',
          currency: 'CNY',
          amountMinor,
          bonusMinor: 0,
          totalMinor: amountMinor,
          method: 'wechatpay',
          promotionId: null,
          state,
          endReason: null,
          outTradeNo: `t${serial}`,
          transactionId: null,
          idempotencyKey: null,
          requestHash: 'h',
          lang: 'en',
          receiptSmsTo: null,
          receiptEmailTo: null,
          createdAt,
          expiresAt: createdAt,
          payingAt: null,
          paidAt: null,
          creditDueAt: null,
          creditedAt: null,
          endedAt: null,
          receiptNo: null,
          nextQueryAt: null,
          claimedUntil: null,
        })
        .execute();
    };
    // c1: November (Hong Kong time) and three of December's orders that still count; one closed.
    await order('c1', 300_000, 'credited', '2026-11-20T08:00:00.000Z');
    await order('c1', 200_000, 'credited', '2026-12-01T08:00:00.000Z');
    await order('c1', 100_000, 'closed', '2026-12-02T08:00:00.000Z');
    await order('c1', 50_000, 'paying', '2026-12-03T08:00:00.000Z');
    // 1 December, 00:30 in Hong Kong: December's already.
    await order('c1', 7_000, 'created', '2026-11-30T16:30:00.000Z');
    // An unbound card's order: no card, no total.
    await order('gone', 100_000, 'credited', '2026-12-01T08:00:00.000Z');

    await migrateToLatest(db);
    expect(await db.selectFrom('cardMonthTotals').selectAll().orderBy('monthStart').execute()).toEqual([
      { cardId: 'c1', monthStart: '2026-10-31T16:00:00.000Z', orderedMinor: 300_000 },
      { cardId: 'c1', monthStart: '2026-11-30T16:00:00.000Z', orderedMinor: 257_000 },
    ]);
  });

  it('rolls back to nothing with down(), newest first', async () => {
    await migrateToLatest(db);
    for (const migration of Object.values(migrations).reverse()) await migration.down?.(db.withoutPlugins());
    expect((await tableNames()).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
  });

  it('records when the schema was created, readable through the camelCase types', async () => {
    await migrateToLatest(db);
    const row = await db
      .selectFrom('appMeta')
      .selectAll()
      .where('key', '=', 'schema_created_at')
      .executeTakeFirstOrThrow();
    expect(row.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(row.updatedAt).toBe(row.value);
  });

  it('is a no-op when run again, also from a second connection to the same database', async () => {
    await migrateToLatest(db);
    const before = await db.selectFrom('appMeta').selectAll().execute();
    expect(await migrateToLatest(db)).toEqual([]);

    const second = createDatabase(database.config);
    try {
      expect(await migrateToLatest(second)).toEqual([]);
    } finally {
      await second.destroy();
    }
    expect(await db.selectFrom('appMeta').selectAll().execute()).toEqual(before);
  });

  it('throws a MigrationError naming the migration that failed, and rolls it back', async () => {
    // A table left behind by hand makes 001 fail half-way.
    await sql`create table app_meta (key text primary key)`.execute(db);
    const error = await migrateToLatest(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe('001-app-meta');
    expect((error as Error).message).toMatch(/^Database migration "001-app-meta" failed: .*already exists/);
    // Nothing recorded. On SQLite the whole run is one transaction, so even Kysely's bookkeeping tables
    // went with the rollback; on PostgreSQL they are made before the migrations' transaction.
    const applied = await sql`select name from kysely_migration`.execute(db).then(
      (result) => result.rows,
      () => [],
    );
    expect(applied).toEqual([]);
    if (!onPostgres) expect(await tableNames()).toEqual(['app_meta']);
  });

  it('leaves no half-applied migration behind: a failure after some DDL rolls all of it back', async () => {
    await migrateToLatest(db);
    const before = await tableNames();
    const failing = {
      ...migrations,
      '999-half-way': {
        async up(trx: Kysely<unknown>) {
          await sql`create table first_half (id text primary key)`.execute(trx);
          await sql`create index first_half_id on first_half (id)`.execute(trx);
          await sql`this is not sql`.execute(trx);
        },
      },
    };
    await expect(migrateToLatest(db, failing)).rejects.toThrow(/"999-half-way" failed/);
    expect(await tableNames()).toEqual(before);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations));
  });

  it('keeps every money column 64-bit, so no balance or total can overflow on either database', async () => {
    await migrateToLatest(db);
    const huge = 2 ** 40;
    await sql`insert into users (id, wechat_openid, created_at) values ('u1', 'o1', '2026-01-01T00:00:00.000Z')`.execute(
      db,
    );
    await sql`insert into cards (id, user_id, card_type, number_hash, number_masked, plates_json, id_type,
      id_number_masked, id_number_hash, verification, is_default, currency, created_at, balance_minor)
      values ('c1', 'u1', 'zhonggangtong', 'n', 'm', '[]', 'hkid', 'm', 'h', 'verified', 1, 'CNY',
      '2026-01-01T00:00:00.000Z', ${huge})`.execute(db);
    const row = await db.selectFrom('cards').select('balanceMinor').executeTakeFirstOrThrow();
    // A number, not the string node-postgres gives for BIGINT by default.
    expect(row.balanceMinor).toBe(huge);
  });

  // On SQLite two connections in one process would block each other's thread; server.test.ts starts
  // two real processes on one file instead.
  it.runIf(onPostgres)(
    'starts two instances at once on one database: one migrates, the other finds it done',
    async () => {
      const second = createDatabase(database.config);
      try {
        const [a, b] = await Promise.all([migrateToLatest(db), migrateToLatest(second)]);
        expect([a.length, b.length].sort()).toEqual([0, Object.keys(migrations).length]);
      } finally {
        await second.destroy();
      }
    },
  );
});

describe.skipIf(onPostgres)('createDatabase on a file another process is writing', () => {
  // Another process (a second start) holds the write lock on a file still in rollback-journal mode,
  // the moment two starts on one new data folder can meet. SQLite answers the switch to WAL with
  // SQLITE_BUSY at once, busy timeout or not; opening must wait for the lock instead of failing.
  it('waits for the lock and still switches the file to WAL', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cbc-wal-busy-'));
    const file = path.join(dir, 'app.sqlite');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const sqlite = new (require('better-sqlite3'))(process.argv[1]);
         sqlite.exec('create table held (x); begin immediate; insert into held values (1)');
         console.log('locked');
         setTimeout(() => { sqlite.exec('commit'); sqlite.close(); }, 400);`,
        file,
      ],
      { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(holder.stdout, 'data');
      const db = createDatabase({ dialect: 'sqlite', file });
      try {
        const mode = await sql<{ journalMode: string }>`pragma journal_mode`.execute(db);
        expect(mode.rows[0]?.journalMode).toBe('wal');
        const held = await sql<{ x: number }>`select x from held`.execute(db);
        expect(held.rows).toEqual([{ x: 1 }]);
      } finally {
        await db.destroy();
      }
    } finally {
      holder.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('WAL checkpoints', () => {
  // Commits never checkpoint (the one that crossed 1,000 pages used to copy them all inside a request);
  // a worker thread does it on its own connection, so the database file catches up with the WAL.
  it('leaves checkpoints to a worker thread: commits only append to the WAL, the file catches up within seconds', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cbc-checkpoint-'));
    const file = path.join(dir, 'app.sqlite');
    const db = createDatabase({ dialect: 'sqlite', file });
    try {
      const autocheckpoint = await sql<{ walAutocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
      expect(autocheckpoint.rows[0]?.walAutocheckpoint).toBe(0);
      await sql`create table filler (x text)`.execute(db);
      const before = statSync(file).size;
      // About 2,500 pages, well past the 1,000 at which a commit would have checkpointed by default.
      for (let batch = 0; batch < 50; batch += 1) {
        await sql`insert into filler select hex(randomblob(1000)) from generate_series(1, 100)`
          .execute(db)
          .catch(async () => {
            // SQLite builds without the generate_series extension: a recursive CTE does the same.
            await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 100)
                      insert into filler select hex(randomblob(1000)) from n`.execute(db);
          });
      }
      // Everything is in the WAL; the file holds only what was checkpointed before the inserts.
      expect(statSync(file).size).toBeLessThan(before + 1024 * 1024);
      await expect.poll(() => statSync(file).size, { timeout: 10_000, interval: 100 }).toBeGreaterThan(5 * 1024 * 1024);
      const rows = await sql<{ n: number }>`select count(*) as n from filler`.execute(db);
      expect(rows.rows[0]?.n).toBe(5000);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('WAL under steady writes', () => {
  // With writes never pausing, every passive checkpoint ends with newer commits behind it and SQLite never
  // starts the WAL over: in the bench it reached 970 MB in 8 s. Past the limit the checkpointer restarts it,
  // holding writers back for a moment, and a transaction that reads before it writes (as order creation
  // does) must wait for that instead of failing with SQLITE_BUSY.
  it('starts the WAL over once it passes the limit, and no read-then-write transaction fails meanwhile', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cbc-wal-limit-'));
    const file = path.join(dir, 'app.sqlite');
    const limit = 1024 * 1024;
    const db = createDatabase({ dialect: 'sqlite', file, walLimitBytes: limit });
    try {
      await sql`create table filler (id integer primary key, x text)`.execute(db);
      let written = 0;
      let largestWal = 0;
      const until = Date.now() + 3_500;
      while (Date.now() < until) {
        await db.transaction().execute(async (trx) => {
          await sql`select count(*) from filler`.execute(trx);
          await sql`insert into filler (x) select hex(randomblob(2000)) from (select 1 union all select 2 union all select 3)`.execute(
            trx,
          );
        });
        written += 3 * 4000;
        largestWal = Math.max(largestWal, statSync(`${file}-wal`).size);
        // A server does other work between its writes (the checkpointer's lock waits poll for such gaps),
        // but the gaps are far shorter than a passive checkpoint, which never finds the WAL all copied.
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      // Several times the limit went through the WAL; a restart brought the file back to the limit.
      expect(written).toBeGreaterThan(8 * limit);
      expect(largestWal).toBeGreaterThan(limit);
      expect(statSync(`${file}-wal`).size).toBeLessThan(written / 2);
      // Each restart closed the server's connection's gate around it, and opened it again.
      expect(walRestartGateOf(db)?.restarts).toBeGreaterThan(0);
      expect(walRestartGateOf(db)?.closed).toBe(false);
      const rows = await sql<{ n: number }>`select count(*) as n from filler`.execute(db);
      expect(rows.rows[0]?.n).toBe((written / 4000) | 0);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('createDatabase on PostgreSQL', () => {
  it('reports an unreachable server when first used, naming the address', async () => {
    const config: DatabaseConfig = { dialect: 'postgres', url: 'postgres://cbc@127.0.0.1:1/cbc', poolSize: 1 };
    const db = createDatabase(config);
    try {
      await expect(migrateToLatest(db)).rejects.toThrow(/Database migration failed: .*ECONNREFUSED 127\.0\.0\.1:1/);
    } finally {
      await db.destroy();
    }
  });
});
