import {
  TOLL_SEGMENTS,
  boundCardSchema,
  cardListSchema,
  errorEnvelopeSchema,
  reminderSchema,
  tripReplySchema,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, wechatUser } from '../fixtures/accounts';
import { MINUTE, testClock } from '../fixtures/clock';
import { expectBalancesMatchLedger, INSTANT_TOPUP_ENV, verifiedCard } from '../fixtures/topup';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';
import {
  balanceOf,
  messagesOfKind,
  overlapCardLookups,
  postTrip,
  setThreshold,
  topUp,
  trip,
  tripFootprint,
  yuan,
} from './helpers';

// 2026-06-10 10:00 in Hong Kong: no 遠遊卡 promotion runs, so top-ups credit exactly their amount.
const time = testClock('2026-06-10T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: INSTANT_TOPUP_ENV,
  });
});
afterAll(() => t.close());

type Auth = Record<string, string>;

async function phoneUser() {
  const user = await registerUser(t.app);
  return { auth: user.auth, userId: user.session.user.id, phone: user.phone };
}

/** A 中港通卡 of a new user with a phone, topped up with `amount` yuan (0: not topped up). */
async function fundedCard(amount: number) {
  const user = await phoneUser();
  const card = await verifiedCard(t.app, user.auth, 'zhonggangtong');
  if (amount > 0) await topUp(t.app, user.auth, card, yuan(amount));
  return { ...user, card };
}

describe('POST /api/v1/cards/:id/trips', () => {
  it('debits the fee once: one trip, one negative entry, a receipt SMS, the balance after', async () => {
    const { auth, userId, card } = await fundedCard(200);
    const res = await postTrip(t.app, auth, card.id, 'hg-dg');
    expect(res.statusCode, res.body).toBe(201);
    const reply = tripReplySchema.parse(res.json());
    expect(reply).toMatchObject({
      trip: {
        segmentId: 'hg-dg',
        segmentName: '皇岗 → 东莞（示例）',
        fee: { amountMinor: yuan(35), currency: 'CNY' },
        createdAt: time.now().toISOString(),
      },
      balance: { amountMinor: yuan(165), currency: 'CNY' },
      reminderSent: false,
    });
    expect(reply.trip.receiptNo).toMatch(/^R20260610\d{10}$/);

    const entries = await t.app.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('tripId', '=', reply.trip.id)
      .execute();
    expect(entries).toHaveLength(1);
    // The reply names the trip's ledger entry, and that entry's receipt opens from it.
    expect(entries[0]?.id).toBe(reply.trip.transactionId);
    const receipt = await t.app.inject({ url: `/api/v1/transactions/${reply.trip.transactionId}`, headers: auth });
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json()).toMatchObject({ receiptNo: reply.trip.receiptNo, kind: 'trip' });
    expect(entries[0]).toMatchObject({
      cardId: card.id,
      userId,
      kind: 'trip',
      amountMinor: -yuan(35),
      currency: 'CNY',
      cardType: 'zhonggangtong',
      cardNumberMasked: card.numberMasked,
      receiptNo: reply.trip.receiptNo,
      segmentId: 'hg-dg',
      orderId: null,
      method: null,
      createdAt: reply.trip.createdAt,
    });
    const trips = await t.app.db.selectFrom('trips').selectAll().where('cardId', '=', card.id).execute();
    expect(trips).toEqual([
      {
        id: reply.trip.id,
        userId,
        cardId: card.id,
        segmentId: 'hg-dg',
        feeMinor: yuan(35),
        currency: 'CNY',
        receiptNo: reply.trip.receiptNo,
        createdAt: reply.trip.createdAt,
      },
    ]);

    const receipts = await messagesOfKind(t.app, userId, 'trip_receipt');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.channel).toBe('sms');
    expect(receipts[0]?.recipientMasked).toMatch(/^\+86 139\*{4}\d{4}$/);
    for (const part of [
      reply.trip.receiptNo,
      '¥35.00',
      '¥165.00',
      card.numberMasked,
      '皇岗 → 东莞（示例）',
      '中港通卡',
    ]) {
      expect(receipts[0]?.body).toContain(part);
    }
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(165));
    await expectBalancesMatchLedger(t.app);
  });

  it('names the segment in the request’s language and a 遠遊卡 pays in HKD', async () => {
    const { auth, card } = await fundedCard(200);
    const en = tripReplySchema.parse((await postTrip(t.app, auth, card.id, 'sz-zh', '?lang=en')).json());
    expect(en.trip.segmentName).toBe('Shenzhen Airport → Zhuhai (sample)');
    const hant = tripReplySchema.parse((await postTrip(t.app, auth, card.id, 'lt-hz', '?lang=zh-Hant')).json());
    expect(hant.trip.segmentName).toBe('蓮塘 → 惠州（示例）');

    const yuanyou = await verifiedCard(t.app, auth, 'yuanyou');
    await topUp(t.app, auth, yuanyou, yuan(200));
    const hk = await trip(t.app, auth, yuanyou.id, 'szb-sz');
    expect(hk.trip.fee).toEqual({ amountMinor: yuan(25), currency: 'HKD' });
    expect(hk.balance).toEqual({ amountMinor: yuan(175), currency: 'HKD' });
    await expectBalancesMatchLedger(t.app);
  });

  it('sends a WeChat-only account its receipt as an in-app notice', async () => {
    const user = await wechatUser(t.app);
    const card = await verifiedCard(t.app, user.auth, 'zhonggangtong');
    await topUp(t.app, user.auth, card, yuan(100));
    const reply = await trip(t.app, user.auth, card.id, 'hg-dg');
    const receipts = await messagesOfKind(t.app, user.userId, 'trip_receipt');
    expect(receipts.map((m) => m.channel)).toEqual(['app']);
    expect(receipts[0]?.recipientMasked).toMatch(/^WeChat /);
    expect(receipts[0]?.body).toContain(reply.trip.receiptNo);
  });

  it('declines a trip the balance does not cover, as a toll lane would: 409 with the shortfall, nothing written', async () => {
    const { auth, userId, card } = await fundedCard(100);
    await trip(t.app, auth, card.id, 'sz-zh'); // ¥80: ¥20 left
    const before = await tripFootprint(t.app);
    const res = await postTrip(t.app, auth, card.id, 'hg-dg'); // ¥35
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'INSUFFICIENT_BALANCE', message: '余额不足（还需 ¥15.00），通行被拒绝，请先充值' },
    });
    expectNoInternals(res.body);
    const en = await postTrip(t.app, auth, card.id, 'hg-dg', '?lang=en');
    expect(en.json().error.message).toBe('Balance too low (¥15.00 short): the toll lane declined; top up first');
    expect(await tripFootprint(t.app)).toEqual(before);
    expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(20));
    expect(await messagesOfKind(t.app, userId, 'trip_receipt')).toHaveLength(1);

    // A card never topped up: the whole fee is missing.
    const empty = await verifiedCard(t.app, auth, 'zhonggangtong');
    const beforeEmpty = await tripFootprint(t.app);
    const none = await postTrip(t.app, auth, empty.id, 'sz-zh');
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toContain('¥80.00');
    expect(await tripFootprint(t.app)).toEqual(beforeEmpty);
    await expectBalancesMatchLedger(t.app);
  });

  it('lets the balance reach exactly zero, never below', async () => {
    const { auth, card } = await fundedCard(100);
    // ¥35 + ¥65 = ¥100.
    await trip(t.app, auth, card.id, 'hg-dg');
    const last = await trip(t.app, auth, card.id, 'szb-gz');
    expect(last.balance.amountMinor).toBe(0);
    expect((await postTrip(t.app, auth, card.id, 'hg-dg')).statusCode).toBe(409);
    expect(await balanceOf(t.app, auth, card.id)).toBe(0);
  });

  it("answers 404 for another user's card and an unknown one, 401 without a session; nothing written", async () => {
    const owner = await fundedCard(100);
    const stranger = await wechatUser(t.app);
    const before = await tripFootprint(t.app);
    const foreign = await postTrip(t.app, stranger.auth, owner.card.id, 'hg-dg');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'CARD_NOT_FOUND', field: 'id' });
    const unknown = await postTrip(t.app, owner.auth, '00000000-0000-4000-8000-000000000000', 'hg-dg');
    expect(unknown.statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cards/${owner.card.id}/trips`,
      payload: { segmentId: 'hg-dg' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await tripFootprint(t.app)).toEqual(before);
    expect(await balanceOf(t.app, owner.auth, owner.card.id)).toBe(yuan(100));
  });

  describe('refuses a segment the card type does not have, and malformed bodies, writing nothing', () => {
    let auth: Auth;
    let cardId: string;
    beforeAll(async () => {
      const funded = await fundedCard(100);
      auth = funded.auth;
      cardId = funded.card.id;
    });

    const cases: Array<[string, unknown, string, string, RegExp]> = [
      ['an unknown segment', { segmentId: 'nowhere' }, 'SEGMENT_NOT_FOUND', 'segmentId', /找不到这个示例路段/],
      [
        "another card type's segment",
        { segmentId: TOLL_SEGMENTS.yuanyou[0]?.id },
        'SEGMENT_NOT_FOUND',
        'segmentId',
        /示例路段/,
      ],
      ['no segment', {}, 'VALIDATION_FAILED', 'segmentId', /.+/],
      ['an empty segment', { segmentId: '' }, 'VALIDATION_FAILED', 'segmentId', /.+/],
      ['a number', { segmentId: 42 }, 'VALIDATION_FAILED', 'segmentId', /.+/],
      ['a fee sent by the client', { segmentId: 'hg-dg', feeMinor: 1 }, 'VALIDATION_FAILED', '', /.+/],
    ];

    it.each(cases)('%s', async (_name, payload, code, field, message) => {
      const before = await tripFootprint(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cards/${cardId}/trips`,
        headers: auth,
        payload: payload as object,
      });
      expect(res.statusCode, res.body).toBe(400);
      const { error } = errorEnvelopeSchema.parse(res.json());
      expect(error.code).toBe(code);
      if (field) expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expectNoInternals(res.body);
      expect(await tripFootprint(t.app)).toEqual(before);
      expect(await balanceOf(t.app, auth, cardId)).toBe(yuan(100));
    });

    it('a card id that is not a UUID is a 400', async () => {
      const res = await postTrip(t.app, auth, 'not-a-uuid', 'hg-dg');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    });
  });
});

describe('a card’s last top-up (shown on the home page)', () => {
  const cardOf = async (auth: Auth, cardId: string) => {
    const res = await t.app.inject({ url: `/api/v1/cards/${cardId}`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    return boundCardSchema.parse(res.json());
  };

  it('is the newest credited top-up, unchanged by trips, in the card and in the list', async () => {
    const { auth, card } = await fundedCard(0);
    expect((await cardOf(auth, card.id)).lastTopup).toBeNull();

    await topUp(t.app, auth, card, yuan(200));
    const first = time.now().toISOString();
    expect((await cardOf(auth, card.id)).lastTopup).toEqual({
      amount: { amountMinor: yuan(200), currency: 'CNY' },
      at: first,
    });

    time.advance(60 * MINUTE);
    expect((await postTrip(t.app, auth, card.id, 'hg-dg')).statusCode).toBe(201);
    expect((await cardOf(auth, card.id)).lastTopup?.at).toBe(first);

    time.advance(60 * MINUTE);
    await topUp(t.app, auth, card, yuan(50));
    const expected = { amount: { amountMinor: yuan(50), currency: 'CNY' }, at: time.now().toISOString() };
    expect((await cardOf(auth, card.id)).lastTopup).toEqual(expected);
    const list = cardListSchema.parse((await t.app.inject({ url: '/api/v1/cards', headers: auth })).json());
    expect(list.cards.find((c) => c.id === card.id)?.lastTopup).toEqual(expected);
  });
});

describe('the low-balance reminder: once per crossing', () => {
  it('many trips under the threshold send one; a top-up back over it and another fall send a second', async () => {
    const { auth, userId, card } = await fundedCard(200);
    await setThreshold(t.app, auth, card.id, yuan(130));
    // ¥200 → 165 → 130 (at the threshold: not under) → 95 (crosses) → 60 → 25.
    const sent: boolean[] = [];
    for (let i = 0; i < 5; i += 1) sent.push((await trip(t.app, auth, card.id, 'hg-dg')).reminderSent);
    expect(sent).toEqual([false, false, true, false, false]);
    const first = await messagesOfKind(t.app, userId, 'low_balance');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ channel: 'app', title: '余额不足提醒' });
    expect(first[0]?.body).toContain('¥95.00');
    expect(first[0]?.body).toContain('¥130.00');
    expect(first[0]?.body).toContain(card.numberMasked);

    // ¥25 + ¥50 = ¥75, still under: the next trip is no new crossing.
    await topUp(t.app, auth, card, yuan(50));
    expect((await trip(t.app, auth, card.id, 'hg-dg')).reminderSent).toBe(false); // → ¥40
    // ¥40 + ¥100 = ¥140, back over: the next fall under is a new crossing.
    await topUp(t.app, auth, card, yuan(100));
    expect((await trip(t.app, auth, card.id, 'hg-dg')).reminderSent).toBe(true); // → ¥105
    expect((await trip(t.app, auth, card.id, 'hg-dg')).reminderSent).toBe(false); // → ¥70
    expect(await messagesOfKind(t.app, userId, 'low_balance')).toHaveLength(2);
    await expectBalancesMatchLedger(t.app);
  });

  it('two (and eight) trips at the same moment that each would cross send exactly one', async () => {
    for (const count of [2, 8]) {
      const { auth, userId, card } = await fundedCard(300);
      // Every trip alone would take ¥300 under ¥299.
      await setThreshold(t.app, auth, card.id, yuan(299));
      const restore = overlapCardLookups(t.app);
      const replies = await Promise.all(
        Array.from({ length: count }, () => trip(t.app, auth, card.id, 'hg-dg')),
      ).finally(restore);
      expect(replies.filter((r) => r.reminderSent)).toHaveLength(1);
      expect(await messagesOfKind(t.app, userId, 'low_balance')).toHaveLength(1);
      // The one that sent it is the one that took the balance from ¥300.
      const sender = replies.find((r) => r.reminderSent);
      expect(sender?.balance.amountMinor).toBe(yuan(300 - 35));
      expect(new Set(replies.map((r) => r.balance.amountMinor)).size).toBe(count);
      expect(await balanceOf(t.app, auth, card.id)).toBe(yuan(300 - 35 * count));
    }
    await expectBalancesMatchLedger(t.app);
  });

  it('sends nothing without a threshold, or after it is cleared', async () => {
    const { auth, userId, card } = await fundedCard(100);
    await trip(t.app, auth, card.id, 'szb-gz'); // ¥35 left, no threshold
    await setThreshold(t.app, auth, card.id, yuan(200));
    await setThreshold(t.app, auth, card.id, null);
    await topUp(t.app, auth, card, yuan(300));
    expect((await trip(t.app, auth, card.id, 'sz-zh')).reminderSent).toBe(false);
    expect(await messagesOfKind(t.app, userId, 'low_balance')).toHaveLength(0);
  });
});

describe('GET and PUT /api/v1/cards/:id/reminder', () => {
  const url = (cardId: string) => `/api/v1/cards/${cardId}/reminder`;
  const get = async (auth: Auth, cardId: string) => t.app.inject({ url: url(cardId), headers: auth });
  const put = async (auth: Auth, cardId: string, payload: unknown, query = '') =>
    t.app.inject({ method: 'PUT', url: `${url(cardId)}${query}`, headers: auth, payload: payload as object });
  const reminderRows = async () => t.app.db.selectFrom('card_reminders').selectAll().orderBy('cardId').execute();

  it('starts empty, sets a threshold in the card’s currency, says whether the balance is below, clears it', async () => {
    const { auth, card } = await fundedCard(100);
    const initial = await get(auth, card.id);
    expect(initial.statusCode, initial.body).toBe(200);
    expect(reminderSchema.parse(initial.json())).toEqual({
      cardId: card.id,
      threshold: null,
      below: false,
      subscribe: null,
    });

    const set = await put(auth, card.id, { thresholdMinor: yuan(150), subscribe: 'accept' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      cardId: card.id,
      threshold: { amountMinor: yuan(150), currency: 'CNY' },
      below: true,
      subscribe: 'accept',
    });
    expect((await get(auth, card.id)).json()).toEqual(set.json());

    // Without `subscribe` the recorded answer stays; at the threshold exactly is not below.
    const lower = await put(auth, card.id, { thresholdMinor: yuan(100) });
    expect(lower.json()).toMatchObject({ threshold: { amountMinor: yuan(100) }, below: false, subscribe: 'accept' });
    const rejected = await put(auth, card.id, { thresholdMinor: yuan(100), subscribe: 'reject' });
    expect(rejected.json()).toMatchObject({ subscribe: 'reject' });

    const cleared = await put(auth, card.id, { thresholdMinor: null });
    expect(cleared.json()).toEqual({ cardId: card.id, threshold: null, below: false, subscribe: 'reject' });
    expect((await get(auth, card.id)).json()).toEqual(cleared.json());
  });

  it('keeps a 遠遊卡 threshold in HKD', async () => {
    const { auth } = await phoneUser();
    const card = await verifiedCard(t.app, auth, 'yuanyou');
    const res = await put(auth, card.id, { thresholdMinor: yuan(300) });
    expect(res.json()).toMatchObject({ threshold: { amountMinor: yuan(300), currency: 'HKD' }, below: true });
  });

  describe('refuses bad input naming the field, writing nothing', () => {
    let auth: Auth;
    let cardId: string;
    beforeAll(async () => {
      const user = await phoneUser();
      auth = user.auth;
      cardId = (await verifiedCard(t.app, auth)).id;
      await setThreshold(t.app, auth, cardId, yuan(100));
    });

    const cases: Array<[string, unknown, string]> = [
      ['a negative amount', { thresholdMinor: -100 }, 'thresholdMinor'],
      ['a fraction of a fen', { thresholdMinor: 100.5 }, 'thresholdMinor'],
      ['not a number', { thresholdMinor: 'abc' }, 'thresholdMinor'],
      ['a numeric string', { thresholdMinor: '100' }, 'thresholdMinor'],
      ['no threshold at all', {}, 'thresholdMinor'],
      ['too large', { thresholdMinor: 100_000_001 }, 'thresholdMinor'],
      ['an unknown subscription answer', { thresholdMinor: 100, subscribe: 'maybe' }, 'subscribe'],
    ];

    it.each(cases)('%s', async (_name, payload, field) => {
      const before = await reminderRows();
      const res = await put(auth, cardId, payload);
      expect(res.statusCode, res.body).toBe(400);
      const { error } = errorEnvelopeSchema.parse(res.json());
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.field).toBe(field);
      if (field === 'thresholdMinor') expect(error.message).toContain('提醒金额');
      expectNoInternals(res.body);
      expect(await reminderRows()).toEqual(before);
    });

    it('in English too', async () => {
      const res = await put(auth, cardId, { thresholdMinor: -1 }, '?lang=en');
      expect(res.json().error.message).toContain('Reminder amount');
    });
  });

  it("answers 404 for another user's card, on read and on write, and changes nothing", async () => {
    const owner = await fundedCard(0);
    await setThreshold(t.app, owner.auth, owner.card.id, yuan(100));
    const stranger = await wechatUser(t.app);
    const before = await reminderRows();
    expect((await get(stranger.auth, owner.card.id)).statusCode).toBe(404);
    const write = await put(stranger.auth, owner.card.id, { thresholdMinor: 0 });
    expect(write.statusCode).toBe(404);
    expect(write.json().error.code).toBe('CARD_NOT_FOUND');
    expect(await reminderRows()).toEqual(before);
    expect((await t.app.inject({ url: url(owner.card.id) })).statusCode).toBe(401);
  });
});
