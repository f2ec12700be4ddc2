import {
  boundCardSchema,
  cardListSchema,
  transactionPageSchema,
  type CardList,
  type TransactionPage,
} from '@cbc/shared';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database';
import type { Database } from '../../src/db/schema/index';
import { buildTestApp, type TestApp } from '../helper';
import { GENEROUS_AUTH_LIMITS, registerUser } from '../fixtures/accounts';
import { onPostgres } from '../fixtures/database';
import { bindCard, verifiedCard } from '../fixtures/topup';
import { topUp, trip, yuan } from '../trips/helpers';

// The card list and history pages answer from memory until a card of their user changes
// (src/cards/owner-replies.ts). The TTL here outlasts the test, so every change they show at once was heard,
// not waited out.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    env: {
      CARD_LIST_CACHE_MS: '60000',
      CREDIT_DELAY_SECONDS: '0',
      JOB_INTERVAL_MS: '0',
      SIM_PROBE_RATE: '0',
      ...GENEROUS_AUTH_LIMITS,
    },
  });
});
afterAll(() => t.close());

type Auth = Record<string, string>;

async function cardList(auth: Auth): Promise<CardList> {
  const res = await t.app.inject({ url: '/api/v1/cards', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return cardListSchema.parse(res.json());
}

const balances = (list: CardList) => list.cards.map((card) => card.balance.amountMinor);

async function historyPage(auth: Auth, url: string, headers: Record<string, string> = {}): Promise<TransactionPage> {
  const res = await t.app.inject({ url, headers: { ...auth, ...headers } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  return transactionPageSchema.parse(res.json());
}

const receipts = (page: TransactionPage) => page.transactions.map((entry) => [entry.kind, entry.receiptNo]);

async function bind(auth: Auth) {
  const res = await bindCard(t.app, auth);
  expect(res.statusCode, res.body).toBe(201);
  return boundCardSchema.parse(res.json());
}

describe('the card list between changes', () => {
  it('shows every change to the cards at once: bind, photo, top-up, trip, default and unbind', async () => {
    const { auth } = await registerUser(t.app);
    expect((await cardList(auth)).cards).toEqual([]);

    const first = await bind(auth);
    expect((await cardList(auth)).cards.map((card) => [card.id, card.verification])).toEqual([
      [first.id, 'photo_required'],
    ]);
    // Bound, then verified by its ID photo.
    const second = await verifiedCard(t.app, auth);
    expect((await cardList(auth)).cards.map((card) => card.verification).sort()).toEqual([
      'photo_required',
      'verified',
    ]);

    await topUp(t.app, auth, { id: second.id, type: 'zhonggangtong' }, yuan(200));
    const afterTopUp = (await cardList(auth)).cards.find((card) => card.id === second.id);
    expect(afterTopUp?.balance.amountMinor).toBe(yuan(200));
    expect(afterTopUp?.lastTopup?.amount.amountMinor).toBe(yuan(200));

    const fare = await trip(t.app, auth, second.id, 'hg-dg');
    expect((await cardList(auth)).cards.find((card) => card.id === second.id)?.balance.amountMinor).toBe(
      fare.balance.amountMinor,
    );

    const made = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cards/${second.id}`,
      headers: auth,
      payload: { isDefault: true },
    });
    expect(made.statusCode, made.body).toBe(200);
    expect((await cardList(auth)).cards.map((card) => [card.id, card.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);

    const unbound = await t.app.inject({ method: 'DELETE', url: `/api/v1/cards/${first.id}`, headers: auth });
    expect(unbound.statusCode, unbound.body).toBe(204);
    expect((await cardList(auth)).cards.map((card) => card.id)).toEqual([second.id]);
  });

  it.skipIf(!onPostgres)(
    "forgets, once this instance's own write commits, a list read on another connection before it did",
    async () => {
      const { auth } = await registerUser(t.app);
      const card = await bind(auth);
      expect(balances(await cardList(auth))).toEqual([0]);
      // With the trigger off, no notification comes: only the instance's own write can make it forget.
      await sql`alter table cards disable trigger cbc_card_changes`.execute(t.app.db);
      try {
        await t.app.db.transaction().execute(async (trx) => {
          await sql`update cards set balance_minor = 555 where id = ${card.id}`.execute(trx);
          // Another connection still reads the committed row, and a list is made from it...
          expect(balances(await cardList(auth))).toEqual([0]);
        });
        // ...which the user does not read once the write has committed.
        expect(balances(await cardList(auth))).toEqual([555]);
      } finally {
        await sql`alter table cards enable trigger cbc_card_changes`.execute(t.app.db);
      }
    },
  );

  it("keeps one user's list when another user's cards change", async () => {
    const ann = await registerUser(t.app);
    const bob = await registerUser(t.app);
    const annCard = await bind(ann.auth);
    const before = await cardList(ann.auth);
    await bind(bob.auth);
    expect(await cardList(ann.auth)).toEqual(before);
    expect((await cardList(bob.auth)).cards).toHaveLength(1);
    expect(before.cards.map((card) => card.id)).toEqual([annCard.id]);
  });

  it("shows a change made through the server's database handle without any service, at once", async () => {
    const { auth } = await registerUser(t.app);
    const card = await bind(auth);
    expect(balances(await cardList(auth))).toEqual([0]);
    await sql`update cards set balance_minor = 4200 where id = ${card.id}`.execute(t.app.db);
    expect(balances(await cardList(auth))).toEqual([4200]);
  });

  it('sends a kept list compressed as the client accepts, and compresses it anew after a change', async () => {
    const { auth } = await registerUser(t.app);
    const cards = [await bind(auth), await bind(auth), await bind(auth)];
    const plain = await t.app.inject({ url: '/api/v1/cards', headers: auth });
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const compressed = async (encoding: 'br' | 'gzip') => {
      const res = await t.app.inject({ url: '/api/v1/cards', headers: { ...auth, 'accept-encoding': encoding } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['cache-control']).toBe('no-store');
      return cardListSchema.parse(
        JSON.parse((encoding === 'br' ? brotliDecompressSync : gunzipSync)(res.rawPayload).toString('utf8')),
      );
    };
    expect(await compressed('br')).toEqual(plain.json());
    expect(await compressed('gzip')).toEqual(plain.json());
    await sql`update cards set balance_minor = 777 where id = ${cards[1]!.id}`.execute(t.app.db);
    for (const encoding of ['br', 'gzip'] as const) {
      expect((await compressed(encoding)).cards.find((card) => card.id === cards[1]!.id)?.balance.amountMinor).toBe(
        777,
      );
    }
  });

  it(
    onPostgres
      ? "hears another instance's change on PostgreSQL when it commits, through the cards trigger's notification"
      : 'is kept until the TTL against writes by another process, which the server cannot hear',
    async () => {
      const { auth } = await registerUser(t.app);
      const card = await bind(auth);
      expect(balances(await cardList(auth))).toEqual([0]);
      const elsewhere = createDatabase(t.config.database);
      try {
        await sql`update cards set balance_minor = 1234 where id = ${card.id}`.execute(elsewhere);
      } finally {
        await elsewhere.destroy();
      }
      if (onPostgres) {
        // The notification arrives on the listening connection a moment after the commit; the TTL is 60 s.
        await expect.poll(async () => balances(await cardList(auth)), { timeout: 5_000, interval: 20 }).toEqual([1234]);
        // Kept, not read each time: with the trigger off, another instance's change goes unheard. A read
        // that loaded 1234 before the notification came was not kept (it may predate the change), so
        // the notification is let in first and the list read once more to keep it.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(balances(await cardList(auth))).toEqual([1234]);
        await sql`alter table cards disable trigger cbc_card_changes`.execute(t.app.db);
        const quiet = createDatabase(t.config.database);
        try {
          await sql`update cards set balance_minor = 99 where id = ${card.id}`.execute(quiet);
        } finally {
          await quiet.destroy();
          await sql`alter table cards enable trigger cbc_card_changes`.execute(t.app.db);
        }
        expect(balances(await cardList(auth))).toEqual([1234]);
      } else {
        expect(balances(await cardList(auth))).toEqual([0]);
        // Any change the server makes to the user's cards brings the other one along.
        await sql`update cards set is_sample = is_sample where id = ${card.id}`.execute(t.app.db);
        expect(balances(await cardList(auth))).toEqual([1234]);
      }
    },
  );
});

describe('history pages between changes', () => {
  it("show every new entry at once, on the card's list and on all cards' list", async () => {
    const { auth } = await registerUser(t.app);
    const card = await verifiedCard(t.app, auth);
    const cardUrl = `/api/v1/cards/${card.id}/transactions`;
    expect((await historyPage(auth, cardUrl)).transactions).toEqual([]);
    expect((await historyPage(auth, '/api/v1/transactions')).transactions).toEqual([]);

    await topUp(t.app, auth, { id: card.id, type: 'zhonggangtong' }, yuan(200));
    const afterTopUp = await historyPage(auth, cardUrl);
    expect(afterTopUp.transactions.map((entry) => [entry.kind, entry.amount.amountMinor])).toEqual([
      ['topup', yuan(200)],
    ]);
    expect(receipts(await historyPage(auth, '/api/v1/transactions'))).toEqual(receipts(afterTopUp));

    await trip(t.app, auth, card.id, 'hg-dg');
    const afterTrip = await historyPage(auth, cardUrl);
    expect(afterTrip.transactions.map((entry) => entry.kind)).toEqual(['trip', 'topup']);
    expect(receipts(await historyPage(auth, '/api/v1/transactions'))).toEqual(receipts(afterTrip));
  });

  it('keeps each page apart: its size, cursor, filter and language', async () => {
    const { auth } = await registerUser(t.app);
    const card = await verifiedCard(t.app, auth);
    const target = { id: card.id, type: 'zhonggangtong' as const };
    await topUp(t.app, auth, target, yuan(100));
    await topUp(t.app, auth, target, yuan(200));
    await trip(t.app, auth, card.id, 'hg-dg');
    const url = `/api/v1/cards/${card.id}/transactions`;
    const first = await historyPage(auth, `${url}?limit=2`);
    expect(first.transactions.map((entry) => entry.kind)).toEqual(['trip', 'topup']);
    expect(first.nextCursor).not.toBeNull();
    const next = await historyPage(auth, `${url}?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(next.transactions.map((entry) => entry.amount.amountMinor)).toEqual([yuan(100)]);
    expect((await historyPage(auth, `${url}?kind=topup`)).transactions.map((entry) => entry.kind)).toEqual([
      'topup',
      'topup',
    ]);
    const titles = async (lang: string) =>
      (await historyPage(auth, `${url}?lang=${lang}`)).transactions.map((entry) => entry.title);
    const [simplified, english] = [await titles('zh-Hans'), await titles('en')];
    expect(english).not.toEqual(simplified);
    expect(await titles('zh-Hans')).toEqual(simplified);
    // Read again, each gives what it gave the first time.
    expect(await historyPage(auth, `${url}?limit=2`)).toEqual(first);
  });

  it("answers another user's card with 404 every time, and keeps nothing for it", async () => {
    const ann = await registerUser(t.app);
    const bob = await registerUser(t.app);
    const bobCard = await verifiedCard(t.app, bob.auth);
    const url = `/api/v1/cards/${bobCard.id}/transactions`;
    for (let read = 0; read < 2; read += 1) {
      const res = await t.app.inject({ url, headers: ann.auth });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('CARD_NOT_FOUND');
    }
    expect((await historyPage(bob.auth, url)).transactions).toEqual([]);
  });

  it(
    onPostgres
      ? "hears another instance's new entry on PostgreSQL when it commits, through the cards trigger"
      : 'keeps a page until the TTL against entries written by another process, which the server cannot hear',
    async () => {
      const { auth } = await registerUser(t.app);
      const card = await verifiedCard(t.app, auth);
      await topUp(t.app, auth, { id: card.id, type: 'zhonggangtong' }, yuan(50));
      const url = `/api/v1/cards/${card.id}/transactions`;
      const [entry] = (await historyPage(auth, url)).transactions;
      // Another writer changes what the page shows the way the ledger always writes: the entry and its
      // card's row in one transaction.
      const elsewhere = createDatabase(t.config.database);
      try {
        await elsewhere.transaction().execute(async (trx) => {
          await sql`update ledger_entries set receipt_no = 'R-ELSEWHERE' where id = ${entry?.id}`.execute(trx);
          await sql`update cards set balance_minor = balance_minor where id = ${card.id}`.execute(trx);
        });
      } finally {
        await elsewhere.destroy();
      }
      const receiptNos = async () => (await historyPage(auth, url)).transactions.map((each) => each.receiptNo);
      if (onPostgres) {
        await expect.poll(receiptNos, { timeout: 5_000, interval: 20 }).toEqual(['R-ELSEWHERE']);
      } else {
        expect(await receiptNos()).toEqual([entry?.receiptNo]);
        // Any change the server makes to the user's cards brings the other one along.
        await sql`update cards set is_sample = is_sample where id = ${card.id}`.execute(t.app.db);
        expect(await receiptNos()).toEqual(['R-ELSEWHERE']);
      }
    },
  );

  it('shows an entry whose card is gone at once (an order paid before its card was unbound, credited after)', async () => {
    const { auth } = await registerUser(t.app);
    const card = await verifiedCard(t.app, auth);
    await topUp(t.app, auth, { id: card.id, type: 'zhonggangtong' }, yuan(50));
    const unbound = await t.app.inject({ method: 'DELETE', url: `/api/v1/cards/${card.id}`, headers: auth });
    expect(unbound.statusCode, unbound.body).toBe(204);
    const receiptNos = async () =>
      (await historyPage(auth, '/api/v1/transactions')).transactions.map((each) => each.receiptNo);
    const [kept] = await receiptNos();
    // The entry as crediting writes it; the balance update that comes with it finds no card row to change.
    const lateEntry = (db: Kysely<Database>, receiptNo: string) =>
      sql`insert into ledger_entries (id, card_id, user_id, order_id, kind, amount_minor, currency, card_type,
            card_number_masked, receipt_no, method, created_at)
          select ${randomUUID()}, card_id, user_id, ${randomUUID()}, kind, amount_minor, currency, card_type,
            card_number_masked, ${receiptNo}, method, created_at
          from ledger_entries where receipt_no = ${kept}`.execute(db);
    await lateEntry(t.app.db, 'R-LATE');
    expect((await receiptNos()).sort()).toEqual([kept, 'R-LATE'].sort());
    if (onPostgres) {
      // Written by another instance: heard through the ledger's trigger, as no card row changes.
      const elsewhere = createDatabase(t.config.database);
      try {
        await lateEntry(elsewhere, 'R-ELSEWHERE');
      } finally {
        await elsewhere.destroy();
      }
      await expect
        .poll(async () => (await receiptNos()).sort(), { timeout: 5_000, interval: 20 })
        .toEqual([kept, 'R-ELSEWHERE', 'R-LATE'].sort());
    }
  });
});
