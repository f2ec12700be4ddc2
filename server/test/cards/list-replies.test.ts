import { boundCardSchema, cardListSchema, type CardList } from '@cbc/shared';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database';
import { buildTestApp, type TestApp } from '../helper';
import { GENEROUS_AUTH_LIMITS, registerUser } from '../fixtures/accounts';
import { onPostgres } from '../fixtures/database';
import { bindCard, verifiedCard } from '../fixtures/topup';
import { topUp, trip, yuan } from '../trips/helpers';

// The card list answers from memory until a card of its user changes (src/cards/list-replies.ts). The TTL
// here outlasts the test, so every change the list shows at once was heard, not waited out.
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
