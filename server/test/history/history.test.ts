import {
  allMonthTotalsSchema,
  cardMonthOf,
  MONTH_TOTALS_MAX,
  messageListSchema,
  monthTotalsSchema,
  resendReplySchema,
  statementSchema,
  transactionDetailSchema,
  type BoundCard,
  type Transaction,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, wechatUser } from '../fixtures/accounts';
import { testClock } from '../fixtures/clock';
import { expectBalancesMatchLedger, INSTANT_TOPUP_ENV, verifiedCard, yuan } from '../fixtures/topup';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';
import { allPages, expectNewestFirst, historyPage, topUp, topUpsAtOnce, trip } from './entries';

// 2026-12-02 10:00 in Hong Kong: the 遠遊卡 winter promotion runs, so its top-ups of HK$500+ carry a bonus.
const time = testClock('2026-12-02T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: INSTANT_TOPUP_ENV,
  });
});
afterAll(() => t.close());

type Auth = Record<string, string>;
const ids = (list: readonly Transaction[]) => list.map((entry) => entry.id);

async function account(options: { email?: string } = {}) {
  const user = await registerUser(t.app, options);
  return { auth: user.auth as Auth, userId: user.session.user.id };
}

const entryCount = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('cursor pagination', () => {
  let auth: Auth;
  let cny: BoundCard;
  let hkd: BoundCard;
  beforeAll(async () => {
    ({ auth } = await account());
    cny = await verifiedCard(t.app, auth, 'zhonggangtong');
    hkd = await verifiedCard(t.app, auth, 'yuanyou');
    // Distinct times, then three credited in one millisecond, a top-up with its bonus (same instant
    // too), and trips that spend the balance: 14 entries on two cards.
    for (const amount of [50, 60, 70, 80, 90]) await topUp(t.app, time, auth, cny, yuan(amount));
    await topUpsAtOnce(t.app, time, auth, cny, [yuan(100), yuan(110), yuan(120)]);
    time.advance(1_000);
    await topUp(t.app, time, auth, hkd, yuan(500), { promotionId: 'yuanyou-2026-winter' });
    await trip(t.app, time, auth, cny.id, 'szb-gz');
    await trip(t.app, time, auth, hkd.id, 'szb-sz');
    await topUp(t.app, time, auth, hkd, yuan(200));
    await trip(t.app, time, auth, cny.id, 'hg-dg');
  });

  it('lists a card newest first, ties within one millisecond broken by id, every entry exactly once', async () => {
    const all = await allPages(t.app, auth, `/api/v1/cards/${cny.id}/transactions`, 100);
    expect(all).toHaveLength(10);
    expectNewestFirst(all);
    const sameMs = all.filter(
      (entry) => entry.createdAt === all.find((e) => e.amount.amountMinor === yuan(110))?.createdAt,
    );
    expect(sameMs).toHaveLength(3);
    for (const size of [1, 2, 3, 4, 7]) {
      const paged = await allPages(t.app, auth, `/api/v1/cards/${cny.id}/transactions`, size);
      expect(ids(paged), `limit ${size}`).toEqual(ids(all));
    }
    expect(all.every((entry) => entry.cardId === cny.id)).toBe(true);
    await expectBalancesMatchLedger(t.app);
  });

  it('lists all of the user’s cards interleaved by time, with the same tie-break', async () => {
    const all = await allPages(t.app, auth, '/api/v1/transactions', 100);
    expect(all).toHaveLength(14);
    expectNewestFirst(all);
    expect(new Set(all.map((entry) => entry.cardId))).toEqual(new Set([cny.id, hkd.id]));
    const paged = await allPages(t.app, auth, '/api/v1/transactions', 3);
    expect(ids(paged)).toEqual(ids(all));
  });

  it('returns every entry exactly once while new ones arrive between pages', async () => {
    const { auth: own } = await account();
    const card = await verifiedCard(t.app, own);
    for (let i = 0; i < 7; i += 1) await topUp(t.app, time, own, card, yuan(50 + i));
    await topUpsAtOnce(t.app, time, own, card, [yuan(51), yuan(52)]);
    time.advance(1_000);
    const before = await allPages(t.app, own, '/api/v1/transactions', 100);
    expect(before).toHaveLength(9);

    const seen: Transaction[] = [];
    const arrived: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await historyPage(
        t.app,
        own,
        `/api/v1/cards/${card.id}/transactions?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.transactions);
      cursor = page.nextCursor;
      pages += 1;
      // Between pages: a new top-up and a trip land on the card (newer than every cursor).
      const order = await topUp(t.app, time, own, card, yuan(60));
      arrived.push(order.id);
      if (pages % 2 === 0) await trip(t.app, time, own, card.id, 'hg-dg');
    } while (cursor);

    expect(pages).toBe(5);
    expect(ids(seen)).toEqual(ids(before));
    expect(new Set(ids(seen)).size).toBe(seen.length);
    // A fresh first page shows what arrived meanwhile, on top.
    const fresh = await allPages(t.app, own, `/api/v1/cards/${card.id}/transactions`, 100);
    expect(fresh).toHaveLength(9 + 5 + 2);
    expect(ids(fresh.slice(-9))).toEqual(ids(before));
    expect(new Set(fresh.slice(0, 7).map((entry) => entry.orderId ?? 'trip'))).toEqual(new Set([...arrived, 'trip']));
  });

  it('defaults to 20 per page and says when there is no older page', async () => {
    const { auth: own } = await account();
    const card = await verifiedCard(t.app, own);
    await topUpsAtOnce(
      t.app,
      time,
      own,
      card,
      Array.from({ length: 21 }, () => yuan(50)),
    );
    const first = await historyPage(t.app, own, `/api/v1/cards/${card.id}/transactions`);
    expect(first.transactions).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await historyPage(t.app, own, `/api/v1/cards/${card.id}/transactions?cursor=${first.nextCursor}`);
    expect(last.transactions).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
    const exact = await historyPage(t.app, own, `/api/v1/cards/${card.id}/transactions?limit=21`);
    expect(exact.nextCursor).toBeNull();
    const empty = await historyPage(t.app, own, `/api/v1/cards/${(await verifiedCard(t.app, own)).id}/transactions`);
    expect(empty).toEqual({ transactions: [], nextCursor: null });
  });

  it('titles entries in the request’s language: the method of a top-up, the segment of a trip', async () => {
    const all = await allPages(t.app, auth, '/api/v1/transactions', 100);
    const first = (kind: string) => all.find((entry) => entry.kind === kind);
    expect(first('topup')?.title).toBe('银联卡充值');
    expect(first('bonus')?.title).toBe('银联卡充值赠送');
    expect(first('trip')?.title).toBe('皇岗 → 东莞（示例）');
    const en = await allPages(t.app, auth, '/api/v1/transactions?lang=en', 100);
    expect(en.find((entry) => entry.kind === 'bonus')?.title).toBe('Top-up bonus (UnionPay card)');
    expect(en.find((entry) => entry.kind === 'trip')?.title).toBe('Huanggang → Dongguan (sample)');
    const hant = await allPages(t.app, auth, `/api/v1/cards/${cny.id}/transactions?lang=zh-Hant`, 100);
    expect(hant.find((entry) => entry.kind === 'topup')?.title).toBe('微信支付增值');
    const bonus = first('bonus');
    expect(bonus).toMatchObject({ amount: { amountMinor: yuan(20), currency: 'HKD' }, method: 'unionpay' });
    expect(first('trip')).toMatchObject({
      amount: { amountMinor: -3_500, currency: 'CNY' },
      orderId: null,
      method: null,
    });
  });
});

describe('filters', () => {
  let auth: Auth;
  let card: BoundCard;
  let other: BoundCard;
  beforeAll(async () => {
    ({ auth } = await account());
    card = await verifiedCard(t.app, auth, 'yuanyou');
    other = await verifiedCard(t.app, auth, 'yuanyou');
    // 23:59:59.999 on 3 Dec in Hong Kong, then midnight of the 4th: the day boundary is UTC+8's.
    time.set('2026-12-03T15:59:59.999Z');
    await topUp(t.app, time, auth, card, yuan(1000), { promotionId: 'yuanyou-2026-winter', advanceMs: 1 });
    await topUp(t.app, time, auth, card, yuan(200), { advanceMs: 0 });
    await trip(t.app, time, auth, card.id, 'hk-gz');
    time.set('2026-12-05T02:00:00.000Z');
    await topUp(t.app, time, auth, other, yuan(300));
    await trip(t.app, time, auth, card.id, 'szb-sz');
  });

  const list = (query: string, scope = `/api/v1/cards/${card.id}/transactions`) =>
    allPages(t.app, auth, `${scope}?${query}`, 100);

  it('filters by one kind or several', async () => {
    expect((await list('kind=trip')).map((e) => e.kind)).toEqual(['trip', 'trip']);
    expect((await list('kind=bonus')).map((e) => e.amount.amountMinor)).toEqual([yuan(50)]);
    const money = await list('kind=topup,bonus');
    expect(money.map((e) => e.kind).sort()).toEqual(['bonus', 'topup', 'topup']);
    expect(await list('kind=topup,topup')).toHaveLength(2);
    const everywhere = await list('kind=topup', '/api/v1/transactions');
    expect(everywhere).toHaveLength(3);
  });

  it('filters by days in UTC+8, both ends included', async () => {
    const third = await list('from=2026-12-03&to=2026-12-03');
    expect(third.map((e) => e.kind).sort()).toEqual(['bonus', 'topup']);
    const fourth = await list('from=2026-12-04&to=2026-12-04');
    expect(fourth.map((e) => e.kind).sort()).toEqual(['topup', 'trip']);
    expect(await list('from=2026-12-04')).toHaveLength(3);
    expect(await list('to=2026-12-04')).toHaveLength(4);
    expect(await list('from=2026-12-06')).toEqual([]);
    const tripsOn4th = await list('from=2026-12-04&to=2026-12-05&kind=trip');
    expect(tripsOn4th).toHaveLength(2);
    expect(await list('from=2026-12-05&to=2026-12-05', '/api/v1/transactions')).toHaveLength(2);
  });

  it('pages through a filtered list with its cursor', async () => {
    const all = await list('kind=topup,trip&from=2026-12-03');
    const paged = await allPages(
      t.app,
      auth,
      `/api/v1/cards/${card.id}/transactions?kind=topup,trip&from=2026-12-03`,
      1,
    );
    expect(ids(paged)).toEqual(ids(all));
    expect(all).toHaveLength(4);
  });
});

describe('cursors are bound to their list', () => {
  let alice: { auth: Auth; card: BoundCard; other: BoundCard };
  let bob: { auth: Auth; card: BoundCard };
  beforeAll(async () => {
    const a = await account();
    alice = { auth: a.auth, card: await verifiedCard(t.app, a.auth), other: await verifiedCard(t.app, a.auth) };
    await topUpsAtOnce(t.app, time, a.auth, alice.card, [yuan(50), yuan(60), yuan(70)]);
    await topUpsAtOnce(t.app, time, a.auth, alice.other, [yuan(50), yuan(60), yuan(70)]);
    const b = await account();
    bob = { auth: b.auth, card: await verifiedCard(t.app, b.auth) };
    await topUpsAtOnce(t.app, time, b.auth, bob.card, [yuan(50), yuan(60), yuan(70)]);
  });

  const cursorOf = async (auth: Auth, url: string) => {
    const page = await historyPage(t.app, auth, `${url}?limit=1`);
    if (!page.nextCursor) throw new Error('no cursor');
    return page.nextCursor;
  };
  const refused = {
    error: { code: 'CURSOR_INVALID', message: '翻页位置无效，请从头刷新', field: 'cursor' },
  };

  it('refuses a cursor from another user, another card or the other list', async () => {
    const aliceAll = await cursorOf(alice.auth, '/api/v1/transactions');
    const aliceCard = await cursorOf(alice.auth, `/api/v1/cards/${alice.card.id}/transactions`);
    const bobAll = await cursorOf(bob.auth, '/api/v1/transactions');
    const bobCard = await cursorOf(bob.auth, `/api/v1/cards/${bob.card.id}/transactions`);
    const cases: Array<[Auth, string]> = [
      [bob.auth, `/api/v1/transactions?cursor=${aliceAll}`],
      [alice.auth, `/api/v1/transactions?cursor=${bobAll}`],
      [bob.auth, `/api/v1/cards/${bob.card.id}/transactions?cursor=${aliceCard}`],
      [alice.auth, `/api/v1/cards/${alice.other.id}/transactions?cursor=${aliceCard}`],
      [alice.auth, `/api/v1/cards/${alice.card.id}/transactions?cursor=${bobCard}`],
      [alice.auth, `/api/v1/transactions?cursor=${aliceCard}`],
      [alice.auth, `/api/v1/cards/${alice.card.id}/transactions?cursor=${aliceAll}`],
    ];
    for (const [auth, url] of cases) {
      const res = await t.app.inject({ url, headers: auth });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual(refused);
    }
    // Each one still works where it came from.
    expect((await historyPage(t.app, alice.auth, `/api/v1/transactions?cursor=${aliceAll}`)).transactions).toHaveLength(
      5,
    );
  });

  it('refuses a malformed or tampered cursor, in the user’s language', async () => {
    const good = await cursorOf(alice.auth, `/api/v1/cards/${alice.card.id}/transactions`);
    const decoded = JSON.parse(Buffer.from(good, 'base64url').toString('utf8')) as unknown[];
    const forge = (payload: unknown) => Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    const bad = [
      'abc',
      '!!!',
      Buffer.from('not json').toString('base64url'),
      forge({ createdAt: decoded[3], id: decoded[4] }),
      forge([...decoded.slice(0, 3), "2026-12-02' OR 1=1 --", decoded[4]]),
      forge([...decoded.slice(0, 4), 'not-a-uuid']),
      forge([2, ...decoded.slice(1)]),
      forge([...decoded.slice(0, 3), '2026-13-45T99:99:99.999Z', decoded[4]]),
      good.slice(0, -3),
      'a'.repeat(200),
    ];
    for (const cursor of bad) {
      const res = await t.app.inject({
        url: `/api/v1/cards/${alice.card.id}/transactions?cursor=${encodeURIComponent(cursor)}`,
        headers: alice.auth,
      });
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error, cursor).toMatchObject({ code: 'CURSOR_INVALID', field: 'cursor' });
    }
    const en = await t.app.inject({ url: '/api/v1/transactions?cursor=abc&lang=en', headers: alice.auth });
    expect(en.json().error.message).toBe('This page position is not valid; refresh from the start');
    const tooLong = await t.app.inject({ url: `/api/v1/transactions?cursor=${'a'.repeat(201)}`, headers: alice.auth });
    expect(tooLong.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
  });
});

describe('bad filters give the 400 envelope naming the field, in the user’s language', () => {
  let auth: Auth;
  let cardId: string;
  beforeAll(async () => {
    ({ auth } = await account());
    cardId = (await verifiedCard(t.app, auth)).id;
  });

  const cases: Array<[string, string, RegExp]> = [
    ['kind=refund', 'kind', /交易类型/],
    ['kind=topup,', 'kind', /交易类型/],
    ['kind=', 'kind', /交易类型/],
    ['limit=0', 'limit', /每页条数/],
    ['limit=101', 'limit', /每页条数/],
    ['limit=2.5', 'limit', /每页条数/],
    ['limit=ten', 'limit', /每页条数/],
    ['from=2026-02-30', 'from', /开始日期/],
    ['from=20261201', 'from', /开始日期/],
    ['to=2026-12-1', 'to', /结束日期/],
  ];
  it.each(cases)('%s', async (query, field, message) => {
    for (const url of [`/api/v1/cards/${cardId}/transactions?${query}`, `/api/v1/transactions?${query}`]) {
      const res = await t.app.inject({ url, headers: auth });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error, url).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(res.json().error.message).toMatch(message);
      expectNoInternals(res.body);
    }
  });

  it('refuses a start after the end', async () => {
    const res = await t.app.inject({
      url: `/api/v1/cards/${cardId}/transactions?from=2026-12-05&to=2026-12-04`,
      headers: auth,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'DATE_RANGE_INVALID', message: '开始日期不能晚于结束日期', field: 'from' },
    });
    const hant = await t.app.inject({
      url: '/api/v1/transactions?from=2026-12-05&to=2026-12-04&lang=zh-Hant',
      headers: auth,
    });
    expect(hant.json().error.message).toBe('開始日期不可遲於結束日期');
  });

  it('refuses a malformed card id and month', async () => {
    const id = await t.app.inject({ url: '/api/v1/cards/not-a-uuid/transactions', headers: auth });
    expect(id.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    for (const month of ['2026-13', '2026-1', '202612', '2026-00']) {
      const res = await t.app.inject({ url: `/api/v1/cards/${cardId}/statements/${month}`, headers: auth });
      expect(res.statusCode, month).toBe(400);
      expect(res.json().error, month).toMatchObject({ code: 'VALIDATION_FAILED', field: 'month' });
    }
  });
});

describe('a user sees only their own', () => {
  let owner: Auth;
  let card: BoundCard;
  let entryId: string;
  let stranger: Auth;
  beforeAll(async () => {
    ({ auth: owner } = await account());
    card = await verifiedCard(t.app, owner);
    await topUp(t.app, time, owner, card, yuan(100));
    entryId = (await historyPage(t.app, owner, '/api/v1/transactions')).transactions[0]?.id ?? '';
    stranger = (await wechatUser(t.app)).auth;
  });

  it("answers 404 for another user's card and transaction, as for unknown ids", async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [url, method, code] of [
      [`/api/v1/cards/${card.id}/transactions`, 'GET', 'CARD_NOT_FOUND'],
      [`/api/v1/cards/${card.id}/statements/2026-12`, 'GET', 'CARD_NOT_FOUND'],
      [`/api/v1/cards/${card.id}/months?months=2026-12`, 'GET', 'CARD_NOT_FOUND'],
      [`/api/v1/cards/${card.id}/transactions.csv`, 'GET', 'CARD_NOT_FOUND'],
      [`/api/v1/cards/${unknown}/transactions`, 'GET', 'CARD_NOT_FOUND'],
      [`/api/v1/transactions/${entryId}`, 'GET', 'TRANSACTION_NOT_FOUND'],
      [`/api/v1/transactions/${unknown}`, 'GET', 'TRANSACTION_NOT_FOUND'],
      [`/api/v1/transactions/${entryId}/resend`, 'POST', 'TRANSACTION_NOT_FOUND'],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: stranger,
        ...(method === 'POST' ? { payload: { channel: 'sms' } } : {}),
      });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe(code);
    }
    expect((await historyPage(t.app, stranger, '/api/v1/transactions')).transactions).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/transactions'],
      ['GET', `/api/v1/cards/${card.id}/transactions`],
      ['GET', `/api/v1/transactions/${entryId}`],
      ['POST', `/api/v1/transactions/${entryId}/resend`],
      ['GET', `/api/v1/cards/${card.id}/statements/2026-12`],
      ['GET', `/api/v1/cards/${card.id}/months?months=2026-12`],
      ['GET', `/api/v1/cards/${card.id}/transactions.csv`],
    ] as const) {
      const res = await t.app.inject({ method, url, ...(method === 'POST' ? { payload: { channel: 'sms' } } : {}) });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('GET /api/v1/transactions/:id', () => {
  it('shows a top-up’s order numbers, a trip’s segment and the balance after each entry', async () => {
    const { auth } = await account();
    const card = await verifiedCard(t.app, auth, 'yuanyou');
    const order = await topUp(t.app, time, auth, card, yuan(1000), { promotionId: 'yuanyou-2026-winter' });
    await trip(t.app, time, auth, card.id, 'hzmb-mo');
    await topUp(t.app, time, auth, card, yuan(200));
    const all = await allPages(t.app, auth, '/api/v1/transactions');
    const oldestFirst = [...all].reverse();
    let running = 0;
    for (const entry of oldestFirst) {
      running += entry.amount.amountMinor;
      const res = await t.app.inject({ url: `/api/v1/transactions/${entry.id}`, headers: auth });
      expect(res.statusCode, res.body).toBe(200);
      const detail = transactionDetailSchema.parse(res.json());
      expect(detail).toMatchObject({ ...entry, balanceAfter: { amountMinor: running, currency: 'HKD' } });
      if (entry.kind === 'trip') {
        expect(detail).toMatchObject({
          segment: { id: 'hzmb-mo', name: '港珠澳大桥 香港口岸 → 澳门（示例）' },
          outTradeNo: null,
          transactionId: null,
          amount: { amountMinor: -15_000 },
        });
      } else {
        expect(detail.segment).toBeNull();
        expect(detail.outTradeNo).toMatch(/^CB\d+/);
        expect(detail.transactionId).toEqual(expect.any(String));
      }
    }
    const topup = all.find((entry) => entry.orderId === order.id && entry.kind === 'topup');
    const detail = transactionDetailSchema.parse(
      (await t.app.inject({ url: `/api/v1/transactions/${topup?.id}`, headers: auth })).json(),
    );
    expect(detail).toMatchObject({ outTradeNo: order.outTradeNo, transactionId: order.transactionId });
    expect(detail.receiptNo).toBe(order.receipt?.receiptNo);
    const card$ = (await t.app.inject({ url: `/api/v1/cards/${card.id}`, headers: auth })).json();
    expect(card$.balance.amountMinor).toBe(running);
  });
});

describe('POST /api/v1/transactions/:id/resend', () => {
  const inbox = async (auth: Auth) =>
    messageListSchema.parse((await t.app.inject({ url: '/api/v1/messages', headers: auth })).json()).messages;

  it('sends a top-up receipt again as SMS and as e-mail, and a trip receipt, into the inbox', async () => {
    const { auth } = await account({ email: 'driver@example.com' });
    const card = await verifiedCard(t.app, auth, 'yuanyou');
    const order = await topUp(t.app, time, auth, card, yuan(1000), { promotionId: 'yuanyou-2026-winter' });
    await trip(t.app, time, auth, card.id, 'hk-gz');
    const [tripEntry, bonus, topup] = await allPages(t.app, auth, '/api/v1/transactions');
    expect([tripEntry?.kind, bonus?.kind, topup?.kind].sort()).toEqual(['bonus', 'topup', 'trip']);
    const entryOf = (kind: string) => [tripEntry, bonus, topup].find((e) => e?.kind === kind);

    const before = (await inbox(auth)).length;
    const sms = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transactions/${entryOf('bonus')?.id}/resend`,
      headers: auth,
      payload: { channel: 'sms' },
    });
    expect(sms.statusCode, sms.body).toBe(200);
    const smsMessage = resendReplySchema.parse(sms.json()).message;
    expect(smsMessage).toMatchObject({ kind: 'topup_sms', channel: 'sms', to: expect.stringMatching(/\*{4}/) });
    expect(smsMessage.body).toContain(order.receipt?.receiptNo ?? 'missing');
    expect(smsMessage.body).toContain('HK$1,000.00');
    expect(smsMessage.body).toContain('含赠送 HK$50.00');
    // The balance after the whole order (top-up and bonus), as the first receipt said it.
    expect(smsMessage.body).toContain('当前余额 HK$1,050.00');

    const email = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transactions/${entryOf('topup')?.id}/resend?lang=en`,
      headers: auth,
      payload: { channel: 'email' },
    });
    expect(email.statusCode, email.body).toBe(200);
    const emailMessage = resendReplySchema.parse(email.json()).message;
    expect(emailMessage).toMatchObject({ kind: 'topup_email', channel: 'email', to: 'dr***@example.com' });
    expect(emailMessage.body).toContain(order.outTradeNo);
    expect(emailMessage.body).toContain(order.transactionId ?? 'missing');
    expect(emailMessage.body).toContain('Payment method: UnionPay card');

    const tripSms = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transactions/${entryOf('trip')?.id}/resend`,
      headers: auth,
      payload: { channel: 'sms' },
    });
    const tripMessage = resendReplySchema.parse(tripSms.json()).message;
    expect(tripMessage).toMatchObject({ kind: 'trip_receipt', channel: 'sms' });
    expect(tripMessage.body).toContain('香港 → 广州（示例）');
    expect(tripMessage.body).toContain('扣费 HK$90.00');
    expect(tripMessage.body).toContain('余额 HK$960.00');
    expect(tripMessage.body).toContain(entryOf('trip')?.receiptNo ?? 'missing');

    const after = await inbox(auth);
    expect(after.length).toBe(before + 3);
    expect(after.map((m) => m.id)).toEqual(expect.arrayContaining([smsMessage.id, emailMessage.id, tripMessage.id]));
  });

  it('answers 409 RECIPIENT_MISSING when the account has no such address, and refuses a bad channel', async () => {
    const { auth } = await account();
    const card = await verifiedCard(t.app, auth);
    await topUp(t.app, time, auth, card, yuan(100));
    const entry = (await historyPage(t.app, auth, '/api/v1/transactions')).transactions[0];
    const count = (await inbox(auth)).length;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transactions/${entry?.id}/resend`,
      headers: auth,
      payload: { channel: 'email' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'RECIPIENT_MISSING', message: '账户没有可接收的电子邮件地址', field: 'channel' },
    });
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transactions/${entry?.id}/resend?lang=en`,
      headers: auth,
      payload: { channel: 'email' },
    });
    expect(en.json().error.message).toBe('The account has no e-mail address to send to');
    for (const payload of [{ channel: 'fax' }, {}, { channel: 'sms', extra: 1 }]) {
      const bad = await t.app.inject({
        method: 'POST',
        url: `/api/v1/transactions/${entry?.id}/resend`,
        headers: auth,
        payload,
      });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await inbox(auth)).length).toBe(count);
  });
});

describe('GET /api/v1/cards/:id/statements/:month', () => {
  it('opens with the balance before the month; opening + in − out = closing = the balance now', async () => {
    const { auth } = await account();
    const card = await verifiedCard(t.app, auth);
    time.set('2026-11-20T04:00:00.000Z');
    await topUp(t.app, time, auth, card, yuan(300));
    await trip(t.app, time, auth, card.id, 'szb-gz');
    // The last minute of November in UTC+8 still belongs to November.
    time.set('2026-11-30T15:59:00.000Z');
    await topUp(t.app, time, auth, card, yuan(50));
    time.set('2026-12-01T01:00:00.000Z');
    await topUp(t.app, time, auth, card, yuan(200));
    await trip(t.app, time, auth, card.id, 'sz-zh');
    await trip(t.app, time, auth, card.id, 'lt-hz');

    const get = async (month: string) => {
      const res = await t.app.inject({ url: `/api/v1/cards/${card.id}/statements/${month}`, headers: auth });
      expect(res.statusCode, res.body).toBe(200);
      return statementSchema.parse(res.json());
    };
    const november = await get('2026-11');
    expect(november).toMatchObject({
      month: '2026-11',
      cardId: card.id,
      cardType: 'zhonggangtong',
      opening: { amountMinor: 0, currency: 'CNY' },
      totalIn: { amountMinor: yuan(350) },
      totalOut: { amountMinor: 6_500 },
      closing: { amountMinor: yuan(350) - 6_500 },
    });
    expect(november.transactions).toHaveLength(3);

    const month = cardMonthOf(time.now());
    expect(month).toBe('2026-12');
    const december = await get(month);
    expect(december.opening).toEqual(november.closing);
    expect(december.totalIn.amountMinor).toBe(yuan(200));
    expect(december.totalOut.amountMinor).toBe(8_000 + 4_800);
    expect(december.closing.amountMinor).toBe(
      december.opening.amountMinor + december.totalIn.amountMinor - december.totalOut.amountMinor,
    );
    const balance = (await t.app.inject({ url: `/api/v1/cards/${card.id}`, headers: auth })).json().balance;
    expect(december.closing).toEqual(balance);
    expect(ids(december.transactions)).toEqual(
      ids(await allPages(t.app, auth, `/api/v1/cards/${card.id}/transactions?from=2026-12-01&to=2026-12-31`)),
    );
    const empty = await get('2027-01');
    expect(empty).toMatchObject({ opening: balance, closing: balance, totalIn: { amountMinor: 0 }, transactions: [] });
    await expectBalancesMatchLedger(t.app);

    // The chart's call: each month's totals as its statement has them, in the order asked, each month once.
    const totals = await t.app.inject({
      url: `/api/v1/cards/${card.id}/months?months=2027-01,2026-11,2026-12,2026-11`,
      headers: auth,
    });
    expect(totals.statusCode, totals.body).toBe(200);
    expect(monthTotalsSchema.parse(totals.json())).toEqual({
      cardId: card.id,
      months: [empty, november, december].map(({ month, totalIn, totalOut }) => ({ month, totalIn, totalOut })),
    });
  });
});

describe('GET /api/v1/cards/:id/months', () => {
  it('refuses a malformed or too long list of months, naming the field', async () => {
    const { auth } = await account();
    const card = await verifiedCard(t.app, auth);
    const twoYears = Array.from(
      { length: MONTH_TOTALS_MAX },
      (_, i) => `20${25 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const ok = await t.app.inject({
      url: `/api/v1/cards/${card.id}/months?months=${twoYears.join(',')}`,
      headers: auth,
    });
    expect(monthTotalsSchema.parse(ok.json()).months.map((row) => row.month)).toEqual(twoYears);
    for (const months of ['', '2026-13', '2026-1', '2026-11,', '2026-11;2026-12', [...twoYears, '2027-01'].join(',')]) {
      const res = await t.app.inject({
        url: `/api/v1/cards/${card.id}/months?months=${encodeURIComponent(months)}&lang=en`,
        headers: auth,
      });
      expect(res.statusCode, months).toBe(400);
      expect(res.json().error, months).toMatchObject({ code: 'VALIDATION_FAILED', field: 'months' });
      expect(res.json().error.message, months).toMatch(/^Months\b/);
      expectNoInternals(res.body);
    }
    const missing = await t.app.inject({ url: `/api/v1/cards/${card.id}/months`, headers: auth });
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'months' });
    expect(missing.json().error.message).toMatch(/^月份/);
  });
});

describe('GET /api/v1/transactions/months', () => {
  it('adds up all of a user’s cards by month, one line per currency, an unbound card’s entries included', async () => {
    const { auth } = await account();
    const cny = await verifiedCard(t.app, auth, 'zhonggangtong');
    const hkd = await verifiedCard(t.app, auth, 'yuanyou');
    const later = await verifiedCard(t.app, auth, 'zhonggangtong');
    time.set('2026-10-10T04:00:00.000Z');
    await topUp(t.app, time, auth, cny, yuan(300));
    await trip(t.app, time, auth, cny.id, 'szb-gz');
    time.set('2026-12-01T01:00:00.000Z');
    await topUp(t.app, time, auth, hkd, yuan(500));
    await trip(t.app, time, auth, hkd.id, 'szb-sz');
    await topUp(t.app, time, auth, cny, yuan(80));
    await topUp(t.app, time, auth, later, yuan(100));
    await trip(t.app, time, auth, later.id, 'hg-dg');
    // Someone else's top-up in the same month counts for them alone.
    const stranger = await account();
    await topUp(t.app, time, stranger.auth, await verifiedCard(t.app, stranger.auth), yuan(900));

    const cardMonths = async (cardId: string) => {
      const res = await t.app.inject({
        url: `/api/v1/cards/${cardId}/months?months=2026-10,2026-11,2026-12`,
        headers: auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      return monthTotalsSchema.parse(res.json()).months;
    };
    const [cnyMonths, hkdMonths, laterMonths] = [
      await cardMonths(cny.id),
      await cardMonths(hkd.id),
      await cardMonths(later.id),
    ];
    const unbound = await t.app.inject({ method: 'DELETE', url: `/api/v1/cards/${later.id}`, headers: auth });
    expect(unbound.statusCode, unbound.body).toBe(204);

    const res = await t.app.inject({
      url: '/api/v1/transactions/months?months=2026-12,2026-11,2026-10,2026-12',
      headers: auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    const all = allMonthTotalsSchema.parse(res.json());
    expect(all.months.map((row) => row.month)).toEqual(['2026-12', '2026-11', '2026-10']);
    const at = (rows: typeof cnyMonths, month: string) => rows.find((row) => row.month === month);
    const december = all.months[0]?.totals;
    // CNY first: the two CNY cards' figures added, the one unbound since included; HKD on its own line.
    expect(december).toEqual([
      {
        totalIn: {
          currency: 'CNY',
          amountMinor:
            (at(cnyMonths, '2026-12')?.totalIn.amountMinor ?? 0) +
            (at(laterMonths, '2026-12')?.totalIn.amountMinor ?? 0),
        },
        totalOut: {
          currency: 'CNY',
          amountMinor:
            (at(cnyMonths, '2026-12')?.totalOut.amountMinor ?? 0) +
            (at(laterMonths, '2026-12')?.totalOut.amountMinor ?? 0),
        },
      },
      { totalIn: at(hkdMonths, '2026-12')?.totalIn, totalOut: at(hkdMonths, '2026-12')?.totalOut },
    ]);
    expect(december?.[0]?.totalIn.amountMinor).toBe(yuan(180));
    expect(december?.[1]?.totalIn.currency).toBe('HKD');
    // A month with nothing in it has no lines; a month of one card's CNY has one.
    expect(all.months[1]?.totals).toEqual([]);
    expect(all.months[2]?.totals).toEqual([
      { totalIn: at(cnyMonths, '2026-10')?.totalIn, totalOut: at(cnyMonths, '2026-10')?.totalOut },
    ]);
    expect(all.months[2]?.totals[0]?.totalOut.amountMinor).toBeGreaterThan(0);
  });

  it('refuses a malformed list of months, naming the field, and a request without a session', async () => {
    const { auth } = await account();
    const bad = await t.app.inject({ url: '/api/v1/transactions/months?months=2026-13&lang=en', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'months' });
    expect(bad.json().error.message).toMatch(/^Months\b/);
    expectNoInternals(bad.body);
    const anonymous = await t.app.inject({ url: '/api/v1/transactions/months?months=2026-12' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('reads write nothing', () => {
  it('leaves the ledger as it was after every history request above', async () => {
    const before = await entryCount();
    const { auth } = await account();
    await t.app.inject({ url: '/api/v1/transactions?kind=bad', headers: auth });
    await t.app.inject({ url: '/api/v1/transactions?cursor=bad', headers: auth });
    expect(await entryCount()).toBe(before);
  });
});
