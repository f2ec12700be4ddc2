import {
  boundCardSchema,
  cardListSchema,
  generateCardNumber,
  generateHkid,
  generateMainlandId,
  maskIdNumber,
  sampleCardData,
  type BoundCard,
  type CardId,
} from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectNoInternals, type TestApp } from '../helper';
import { registerUser, wechatUser } from '../fixtures/accounts';
import { MINUTE, testClock } from '../fixtures/clock';

const time = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: time.clock });
});
afterAll(() => t.close());

/** Every full number this file sends, and every reply body: no reply may contain one of them. */
const secrets = new Set<string>();
const replies: string[] = [];

let serial = 0;
function newCardNumber(type: CardId = 'zhonggangtong'): string {
  serial += 1;
  const number = generateCardNumber(type, String(10_000_000_000 + serial * 7919).slice(-11));
  secrets.add(number);
  return number;
}

const MAINLAND_ID = generateMainlandId('440305', '19900101', '123');
const HKID = generateHkid('A', '123456');
secrets.add(MAINLAND_ID);
secrets.add(HKID);

type Json = Record<string, unknown>;

function cardBody(overrides: Json = {}): Json {
  return {
    type: 'zhonggangtong',
    number: newCardNumber(),
    plates: [{ region: 'mainland', number: '粤B·12345' }],
    idDocument: { type: 'mainland_id', number: MAINLAND_ID },
    ...overrides,
  };
}

async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  auth: Record<string, string>,
  payload?: Json,
) {
  const res = await t.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
  replies.push(res.body);
  return res;
}

async function bind(auth: Record<string, string>, overrides: Json = {}): Promise<BoundCard> {
  const res = await call('POST', '/api/v1/cards', auth, cardBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return boundCardSchema.parse(res.json());
}

const cardCount = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('cards')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/cards', () => {
  it('binds a card: masked number, formatted plates, masked ID, photo required, zero balance, default', async () => {
    const { auth } = await wechatUser(t.app);
    const number = newCardNumber();
    const res = await call('POST', '/api/v1/cards', auth, {
      type: 'zhonggangtong',
      number: `${number.slice(0, 4)} ${number.slice(4, 8)}-${number.slice(8, 12)} ${number.slice(12)}`,
      plates: [
        { region: 'mainland', number: '粤b 12345' },
        { region: 'mainland', number: '粵Z1234港' },
      ],
      idDocument: { type: 'mainland_id', number: MAINLAND_ID.toLowerCase() },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      type: 'zhonggangtong',
      numberMasked: `6288 **** **** ${number.slice(-4)}`,
      plates: [
        { region: 'mainland', number: '粤B·12345' },
        { region: 'mainland', number: '粤Z·1234港' },
      ],
      holder: { idType: 'mainland_id', idNumberMasked: maskIdNumber('mainland_id', MAINLAND_ID) },
      verification: 'photo_required',
      isDefault: true,
      sample: false,
      balance: { amountMinor: 0, currency: 'CNY' },
      lastTopup: null,
      createdAt: time.now().toISOString(),
    });
    expect(res.json<BoundCard>().holder.idNumberMasked).toBe('44**************' + MAINLAND_ID.slice(-2));
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('binds a Yuanyou card with HK and Macau plates and an HKID in HKD', async () => {
    const { auth } = await wechatUser(t.app);
    const card = await bind(auth, {
      type: 'yuanyou',
      number: newCardNumber('yuanyou'),
      plates: [
        { region: 'hk', number: 'ab1234' },
        { region: 'macau', number: 'mx-12-34' },
      ],
      idDocument: { type: 'hkid', number: `${HKID.slice(0, -1)}(${HKID.slice(-1)})` },
    });
    expect(card.numberMasked).toMatch(/^8852 \*{4} \*{4} \d{4}$/);
    expect(card.plates).toEqual([
      { region: 'hk', number: 'AB 1234' },
      { region: 'macau', number: 'MX-12-34' },
    ]);
    expect(card.holder).toEqual({ idType: 'hkid', idNumberMasked: 'A1*****3' });
    expect(card.balance).toEqual({ amountMinor: 0, currency: 'HKD' });
  });

  it('binds a card from 填入示例 as a sample, so every screen can label it; a non-boolean flag is refused', async () => {
    const { auth } = await wechatUser(t.app);
    const sample = sampleCardData('yuanyou');
    const card = await bind(auth, {
      type: 'yuanyou',
      number: sample.number,
      plates: [sample.plate],
      idDocument: sample.idDocument,
      sample: true,
    });
    expect(card.sample).toBe(true);
    const list = await call('GET', '/api/v1/cards', auth);
    expect(list.json<{ cards: BoundCard[] }>().cards.find((c) => c.id === card.id)?.sample).toBe(true);

    const before = await cardCount();
    const bad = await call('POST', '/api/v1/cards', auth, cardBody({ sample: 'yes' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('sample');
    expect(await cardCount()).toBe(before);
  });

  it('stores neither the card number nor the ID number, only masks and keyed hashes', async () => {
    const { auth, userId } = await wechatUser(t.app);
    const number = newCardNumber();
    await bind(auth, { number });
    const row = await t.app.db.selectFrom('cards').selectAll().where('userId', '=', userId).executeTakeFirstOrThrow();
    expect(row.numberHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(number);
    expect(stored).not.toContain(number.slice(4, 12));
    expect(stored).not.toContain(MAINLAND_ID);
    expect(stored).not.toContain(MAINLAND_ID.slice(6, 14));
  });

  it('adds a card_bound notice to the inbox', async () => {
    const { auth } = await registerUser(t.app);
    time.advance(MINUTE);
    const card = await bind(auth);
    const inbox = await call('GET', '/api/v1/messages', auth);
    const notice = inbox.json<{ messages: { kind: string; title: string; body: string }[] }>().messages[0];
    expect(notice).toMatchObject({
      kind: 'card_bound',
      title: '卡片已绑定',
      body: `中港通卡（${card.numberMasked}）已绑定到您的账户。`,
    });
  });

  describe('refuses bad input with a 4xx naming the field, and writes nothing', () => {
    let auth: Record<string, string>;
    beforeAll(async () => {
      ({ auth } = await wechatUser(t.app));
    });

    const flipLast = (value: string) => value.slice(0, -1) + ((Number(value.slice(-1)) + 1) % 10);

    it.each<[string, () => Json, string, string]>([
      [
        'a wrong check digit',
        () => ({ number: flipLast(newCardNumber()) }),
        'number',
        '卡号：卡号校验位不对，请逐位核对',
      ],
      [
        'a Yuanyou number on a Zhonggangtong card',
        () => ({ number: newCardNumber('yuanyou') }),
        'number',
        '卡号：卡号开头不对，请确认选对了卡片类型',
      ],
      ['a short number', () => ({ number: '6288 1234' }), 'number', '卡号：卡号应为 16 位数字'],
      ['letters in the number', () => ({ number: '6288-ABCD-1234-5678' }), 'number', '卡号：卡号只能包含数字'],
      [
        'a plate with the letter I',
        () => ({ plates: [{ region: 'mainland', number: '粤I12345' }] }),
        'plates.0.number',
        '车牌号码 1：车牌格式不对，内地车牌例如 粤B·12345 或 粤Z·1234港',
      ],
      [
        'a bad second plate',
        () => ({
          plates: [
            { region: 'mainland', number: '粤B12345' },
            { region: 'hk', number: 'ABCD12345' },
          ],
        }),
        'plates.1.number',
        // The Hong Kong plate's message shows Hong Kong plates only.
        '车牌号码 2：车牌格式不对，香港车牌例如 AB 1234',
      ],
      ['no plate', () => ({ plates: [] }), 'plates', '车牌：数值过小：期望 array >=1 项'],
      [
        'an unknown plate region',
        () => ({ plates: [{ region: 'taiwan', number: 'ABC-1234' }] }),
        'plates.0.region',
        '车牌地区 1：无效选项：期望以下之一 "mainland"|"hk"|"macau"',
      ],
      [
        'a wrong ID check character',
        () => ({ idDocument: { type: 'mainland_id', number: flipLast(MAINLAND_ID.slice(0, 17) + '0') } }),
        'idDocument.number',
        '证件号码：身份证号码校验码不对，请逐位核对',
      ],
      [
        'a wrong HKID check digit',
        () => ({ idDocument: { type: 'hkid', number: 'A1234564' } }),
        'idDocument.number',
        '证件号码：身份证号码校验码不对，请逐位核对',
      ],
      [
        'an unknown card type',
        () => ({ type: 'octopus' }),
        'type',
        '卡片类型：无效选项：期望以下之一 "zhonggangtong"|"yuanyou"',
      ],
      ['a missing ID document', () => ({ idDocument: undefined }), 'idDocument', '身份证件：此项必填'],
      [
        'plates of the wrong type',
        () => ({ plates: '粤B12345' }),
        'plates',
        '车牌：无效输入：期望 数组，实际接收 string',
      ],
      [
        'a number of the wrong type',
        () => ({ number: 6288123412341234 }),
        'number',
        '卡号：无效输入：期望 string，实际接收 数字',
      ],
      ['an unknown field', () => ({ isVerified: true }), 'isVerified', 'isVerified：出现未知的键(key): "isVerified"'],
    ])('%s', async (_case, change, field, message) => {
      const before = await cardCount();
      const body = { ...cardBody(), ...change() };
      const res = await call('POST', '/api/v1/cards', auth, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message, field } });
      expectNoInternals(res.body);
      expect(await cardCount()).toBe(before);
    });

    it('speaks the request language', async () => {
      const res = await call('POST', '/api/v1/cards?lang=en', auth, cardBody({ number: flipLast(newCardNumber()) }));
      expect(res.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Card number: The card number’s last digit does not match; check each digit',
          field: 'number',
        },
      });
      const hant = await call(
        'POST',
        '/api/v1/cards?lang=zh-Hant',
        auth,
        cardBody({ plates: [{ region: 'mainland', number: '粤I12345' }] }),
      );
      expect(hant.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: '車牌號碼 1：車牌格式不正確，內地車牌例如 粤B·12345 或 粤Z·1234港',
          field: 'plates.0.number',
        },
      });
    });

    it('refuses a body that is not JSON or not an object', async () => {
      const before = await cardCount();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cards',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: '[1,2]',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
      expect(await cardCount()).toBe(before);
    });
  });

  it('allows at most 5 cards per account', async () => {
    const { auth } = await wechatUser(t.app);
    for (let i = 0; i < 5; i += 1) await bind(auth);
    const before = await cardCount();
    const res = await call('POST', '/api/v1/cards', auth, cardBody());
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'CARD_LIMIT_REACHED', message: '每个账户最多绑定 5 张卡片' } });
    const en = await call('POST', '/api/v1/cards?lang=en', auth, cardBody());
    expect(en.json()).toEqual({
      error: { code: 'CARD_LIMIT_REACHED', message: 'An account can bind at most 5 cards' },
    });
    expect(await cardCount()).toBe(before);
  });

  it('refuses a card already in the account, and one bound to another account', async () => {
    const a = await wechatUser(t.app);
    const b = await wechatUser(t.app);
    const number = newCardNumber();
    await bind(a.auth, { number });
    const before = await cardCount();

    const again = await call('POST', '/api/v1/cards', a.auth, cardBody({ number: number.replace(/(\d{4})/g, '$1 ') }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      error: { code: 'CARD_ALREADY_BOUND', message: '这张卡已经在您的账户里了', field: 'number' },
    });
    const elsewhere = await call('POST', '/api/v1/cards', b.auth, cardBody({ number }));
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toEqual({
      error: {
        code: 'CARD_BOUND_ELSEWHERE',
        message: '这张卡已被其他账户绑定；如有疑问，请联系发卡机构官方客服',
        field: 'number',
      },
    });
    expect(await cardCount()).toBe(before);
  });

  it('needs a session, checked before the body is read', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cards', payload: { isAdmin: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });
});

describe('GET /api/v1/cards and /cards/:id', () => {
  it('lists the default card first, then the newest', async () => {
    const { auth } = await wechatUser(t.app);
    expect((await call('GET', '/api/v1/cards', auth)).json()).toEqual({ cards: [] });
    const first = await bind(auth);
    time.advance(MINUTE);
    const second = await bind(auth, { type: 'yuanyou', number: newCardNumber('yuanyou') });
    time.advance(MINUTE);
    const third = await bind(auth);
    const list = cardListSchema.parse((await call('GET', '/api/v1/cards', auth)).json());
    expect(list.cards.map((c) => c.id)).toEqual([first.id, third.id, second.id]);
    expect(list.cards.map((c) => c.isDefault)).toEqual([true, false, false]);
    expect((await call('GET', `/api/v1/cards/${second.id}`, auth)).json()).toEqual(second);
  });

  it('validates the id', async () => {
    const { auth } = await wechatUser(t.app);
    const res = await call('GET', '/api/v1/cards/not-a-uuid?lang=en', auth);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'Card id: Invalid UUID', field: 'id' },
    });
  });
});

describe('PATCH /api/v1/cards/:id', () => {
  it('moves the default flag: exactly one default card', async () => {
    const { auth, userId } = await wechatUser(t.app);
    const first = await bind(auth);
    const second = await bind(auth);
    const res = await call('PATCH', `/api/v1/cards/${second.id}`, auth, { isDefault: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...second, isDefault: true });
    const list = cardListSchema.parse((await call('GET', '/api/v1/cards', auth)).json());
    expect(list.cards.map((c) => [c.id, c.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    // Setting it again changes nothing.
    expect((await call('PATCH', `/api/v1/cards/${second.id}`, auth, { isDefault: true })).statusCode).toBe(200);
    const defaults = await t.app.db
      .selectFrom('cards')
      .select('id')
      .where('userId', '=', userId)
      .where('isDefault', '=', 1)
      .execute();
    expect(defaults).toEqual([{ id: second.id }]);
  });

  it('accepts only { isDefault: true }', async () => {
    const { auth } = await wechatUser(t.app);
    const card = await bind(auth);
    for (const body of [{ isDefault: false }, { balance: 100 }, {}]) {
      const res = await call('PATCH', `/api/v1/cards/${card.id}`, auth, body);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    }
    const unknown = await call('PATCH', `/api/v1/cards/${card.id}`, auth, { isDefault: true, balance: 100 });
    expect(unknown.json<{ error: { field: string } }>().error.field).toBe('balance');
  });
});

describe('DELETE /api/v1/cards/:id', () => {
  it('unbinds a card, hands the default to the oldest remaining card and notifies', async () => {
    const { auth } = await wechatUser(t.app);
    const number = newCardNumber();
    const first = await bind(auth, { number });
    time.advance(MINUTE);
    const second = await bind(auth);
    time.advance(MINUTE);
    const third = await bind(auth);
    time.advance(MINUTE);
    const res = await call('DELETE', `/api/v1/cards/${first.id}?lang=en`, auth);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const list = cardListSchema.parse((await call('GET', '/api/v1/cards', auth)).json());
    expect(list.cards.map((c) => [c.id, c.isDefault])).toEqual([
      [second.id, true],
      [third.id, false],
    ]);
    // The inbox speaks the reader's language, here the one the unbind was made in.
    const inbox = await call('GET', '/api/v1/messages?lang=en', auth);
    expect(inbox.json<{ messages: { kind: string; body: string }[] }>().messages[0]).toMatchObject({
      kind: 'card_unbound',
      body: `Zhonggangtong Card (${first.numberMasked}) was unbound from your account and its ID photo deleted.`,
    });
    expect((await call('GET', `/api/v1/cards/${first.id}`, auth)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/cards/${first.id}`, auth)).statusCode).toBe(404);

    // The number is free again, for another account too.
    const other = await wechatUser(t.app);
    await bind(other.auth, { number });
    expect((await call('DELETE', `/api/v1/cards/${second.id}`, auth)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/v1/cards/${third.id}`, auth)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/cards', auth)).json()).toEqual({ cards: [] });
  });
});

describe("another user's card", () => {
  it('is not found for read, change and delete alike (404, never 403), and stays untouched', async () => {
    const owner = await wechatUser(t.app);
    const intruder = await wechatUser(t.app);
    const card = await bind(owner.auth);
    const expected = { error: { code: 'CARD_NOT_FOUND', message: '找不到这张卡片', field: 'id' } };
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { isDefault: true }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(method, `/api/v1/cards/${card.id}`, intruder.auth, payload);
      expect(res.statusCode, `${method} ${res.body}`).toBe(404);
      expect(res.json()).toEqual(expected);
    }
    const unknown = await call('GET', `/api/v1/cards/${crypto.randomUUID()}`, intruder.auth);
    expect(unknown.json()).toEqual(expected);
    expect((await call('GET', `/api/v1/cards/${card.id}`, owner.auth)).json()).toEqual(card);
    expect((await call('GET', '/api/v1/cards', intruder.auth)).json()).toEqual({ cards: [] });
  });
});

describe('privacy', () => {
  it('no reply of this file contains a full card number or ID number', () => {
    expect(replies.length).toBeGreaterThan(40);
    for (const body of replies) {
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
  });
});
