import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { messageListSchema, type Message, type MessageList } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database';
import { createTestDatabase } from '../fixtures/database';
import { migrations } from '../../src/db/migrations/index';
import { migrateToLatest } from '../../src/db/migrator';
import { buildTestApp, type TestApp } from '../helper';
import { registerUser, wechatUser } from '../fixtures/accounts';
import { testClock } from '../fixtures/clock';
import { INSTANT_TOPUP_ENV, verifiedCard } from '../fixtures/topup';
import { balanceOf, setThreshold, topUp, trip, yuan } from '../trips/helpers';

// Messages are stored language-neutral and rendered in the language of whoever reads them: an English
// or 繁體 reader must not read Simplified Chinese because the SMS went out in it.

// 2026-06-10 10:00 in Hong Kong: no 遠遊卡 promotion runs.
const time = testClock('2026-06-10T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: INSTANT_TOPUP_ENV,
  });
});
afterAll(() => t.close());

type Headers = Record<string, string>;

async function inbox(headers: Headers, query = ''): Promise<MessageList> {
  const res = await t.app.inject({ url: `/api/v1/messages${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return messageListSchema.parse(res.json());
}

const HAN = /\p{Script=Han}/u;
// Characters that exist only in Simplified script (as in shared/test/catalogs.test.ts).
const SIMPLIFIED_ONLY = /[费续额账户录线载页网择这为务请们认证码时间击关发现进过还应该让设说话银简远游]/u;

const byKind = (list: MessageList, kind: Message['kind']) => {
  const found = list.messages.find((m) => m.kind === kind);
  if (!found) throw new Error(`no ${kind} in ${list.messages.map((m) => m.kind).join(', ')}`);
  return found;
};

describe('the inbox in the reader’s language', () => {
  it('shows the same messages in English, Traditional and Simplified Chinese, and what was sent as sent', async () => {
    // Everything is sent in Simplified Chinese: no `lang`, no Accept-Language.
    const user = await registerUser(t.app, { email: 'driver@example.com' });
    const card = await verifiedCard(t.app, user.auth, 'yuanyou');
    await topUp(t.app, user.auth, card, yuan(500));
    await setThreshold(t.app, user.auth, card.id, (await balanceOf(t.app, user.auth, card.id)) - 1);
    await trip(t.app, user.auth, card.id, 'hzmb-zh');

    const hans = await inbox(user.auth);
    const en = await inbox(user.auth, '?lang=en');
    const hant = await inbox({ ...user.auth, 'accept-language': 'zh-HK,zh;q=0.9' });

    const kinds = hans.messages.map((m) => m.kind).sort();
    expect(kinds).toEqual(
      [
        'card_bound',
        'low_balance',
        'payment_code',
        'sms_code',
        'topup_email',
        'topup_sms',
        'trip_receipt',
        'welcome',
      ].sort(),
    );
    // One inbox, three renderings: same ids, order and read state.
    const shape = (list: MessageList) =>
      list.messages.map(({ id, kind, channel, to, createdAt, readAt }) => ({
        id,
        kind,
        channel,
        to,
        createdAt,
        readAt,
      }));
    expect(shape(en)).toEqual(shape(hans));
    expect(shape(hant)).toEqual(shape(hans));

    for (const message of en.messages) {
      expect(`${message.title}\n${message.body}`, message.kind).not.toMatch(HAN);
      expect(message.body, message.kind).not.toMatch(/\{\w+\}/);
    }
    for (const message of hant.messages) {
      expect(`${message.title}\n${message.body}`, message.kind).not.toMatch(SIMPLIFIED_ONLY);
    }

    expect(byKind(en, 'welcome').title).toBe('Welcome aboard');
    expect(byKind(hant, 'welcome').title).toBe('註冊成功');
    expect(byKind(hans, 'welcome').title).toBe('注册成功');

    // Card names, segment names and payment methods follow the reader, ids and figures stay.
    expect(byKind(en, 'card_bound').body).toBe(`Yuanyou Card (${card.numberMasked}) is now bound to your account.`);
    expect(byKind(hant, 'card_bound').body).toBe(`遠遊卡（${card.numberMasked}）已綁定到您的賬戶。`);
    expect(byKind(hans, 'card_bound').body).toBe(`远游卡（${card.numberMasked}）已绑定到您的账户。`);
    expect(byKind(en, 'trip_receipt').body).toContain('HZMB Hong Kong Port → Zhuhai (sample)');
    expect(byKind(hant, 'trip_receipt').body).toContain('遠遊卡');
    expect(byKind(en, 'topup_email').body).toContain('Payment method: UnionPay card');
    expect(byKind(hant, 'topup_email').body).toContain('付款方式：銀聯卡');
    expect(byKind(hans, 'topup_email').body).toContain('支付方式：银联卡');
    expect(byKind(en, 'topup_email').title).toBe('E-receipt: HK$500.00 top-up credited');
    expect(byKind(en, 'low_balance').body).toMatch(/^\[Top-up Helper · simulated\] The balance of your Yuanyou Card/);
    expect(byKind(en, 'payment_code').body).toContain('to Top-up Helper (simulated merchant)');
    const receiptNo = /R\d{18}/.exec(byKind(hans, 'trip_receipt').body)?.[0];
    expect(receiptNo).toBeDefined();
    expect(byKind(en, 'trip_receipt').body).toContain(receiptNo);

    // An SMS or e-mail keeps the text it went out with (Simplified, as sent); an in-app notice has none.
    for (const message of en.messages) {
      const simplified = hans.messages.find((m) => m.id === message.id);
      if (message.channel === 'app') {
        expect(message.sent, message.kind).toBeNull();
      } else {
        expect(message.sent, message.kind).toEqual({
          lang: 'zh-Hans',
          title: simplified?.title,
          body: simplified?.body,
        });
      }
    }
    expect(byKind(en, 'sms_code').body).toMatch(/^\[Top-up Helper · simulated SMS\] Your verification code is \d{6}/);
    expect(byKind(en, 'sms_code').sent?.body).toMatch(/^【跨境卡续费助手·模拟短信】您的验证码是 \d{6}/);
    // The code is the same in both: one SMS, two renderings.
    expect(/\d{6}/.exec(byKind(en, 'sms_code').body)?.[0]).toBe(/\d{6}/.exec(byKind(hans, 'sms_code').body)?.[0]);
  });

  it('renders the mark-read reply in the reader’s language too', async () => {
    const user = await registerUser(t.app);
    const welcome = byKind(await inbox(user.auth), 'welcome');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages/read?lang=en',
      headers: user.auth,
      payload: { ids: [welcome.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(byKind(messageListSchema.parse(res.json()), 'welcome')).toMatchObject({
      title: 'Welcome aboard',
      readAt: time.now().toISOString(),
    });
  });

  it('answers a message sent in English in Simplified Chinese to a Simplified reader', async () => {
    const user = await registerUser(t.app, { headers: { 'accept-language': 'en-GB' } });
    expect(byKind(await inbox(user.auth, '?lang=en'), 'welcome')).toMatchObject({
      title: 'Welcome aboard',
      sent: null,
    });
    expect(byKind(await inbox(user.auth, '?lang=zh-Hans'), 'welcome').title).toBe('注册成功');
  });

  it('shows a row stored as text (no notice) as it was stored, whatever the language', async () => {
    const { auth, userId } = await wechatUser(t.app);
    await t.app.db
      .insertInto('messages')
      .values({
        id: randomUUID(),
        userId,
        deviceId: null,
        phoneE164: null,
        kind: 'welcome',
        channel: 'app',
        recipientMasked: '+86 139****0000',
        title: '注册成功',
        body: '欢迎使用跨境卡续费助手。',
        params: null,
        lang: null,
        createdAt: time.now().toISOString(),
        readAt: null,
      })
      .execute();
    for (const query of ['?lang=en', '?lang=zh-Hant', '']) {
      expect((await inbox(auth, query)).messages).toEqual([
        expect.objectContaining({ title: '注册成功', body: '欢迎使用跨境卡续费助手。', sent: null }),
      ]);
    }
  });
});

describe('migration 007', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the messages written before it, which the app then shows as stored', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-messages-007-'));
    const database = await createTestDatabase(dir);
    const db = createDatabase(database.config);
    // The database as the app left it before 007: migrations up to 006, a user and their SMS.
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '007'));
    await migrateToLatest(db, before);
    const raw = db.withoutPlugins();
    await raw
      .insertInto('users' as never)
      .values({
        id: 'u1',
        phone_e164: null,
        phone_region: null,
        email: null,
        password_hash: null,
        wechat_openid: 'o-old',
        created_at: '2026-05-01T00:00:00.000Z',
      } as never)
      .execute();
    await raw
      .insertInto('messages' as never)
      .values({
        id: 'm-old',
        user_id: 'u1',
        device_id: null,
        phone_e164: null,
        kind: 'card_bound',
        channel: 'app',
        recipient_masked: '微信用户',
        title: '卡片已绑定',
        body: '中港通卡（6288 **** **** 1234）已绑定到您的账户。',
        created_at: '2026-05-01T00:00:00.000Z',
        read_at: null,
      } as never)
      .execute();
    await db.destroy();

    const app = await buildTestApp({ env: { DATA_DIR: dir, ...database.env } });
    try {
      const row = await app.app.db
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', 'm-old')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ params: null, lang: null, title: '卡片已绑定' });
      const list = await app.app.messagesService.list({ userId: 'u1' }, 'en');
      expect(list.messages).toEqual([
        expect.objectContaining({
          id: 'm-old',
          title: '卡片已绑定',
          body: '中港通卡（6288 **** **** 1234）已绑定到您的账户。',
          sent: null,
        }),
      ]);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
