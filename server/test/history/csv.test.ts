import { cardLocalTime, minorToDecimal, type Transaction } from '@cbc/shared';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvContentDisposition, transactionsCsv } from '../../src/history/csv';
import { registerUser, wechatUser } from '../fixtures/accounts';
import { testClock } from '../fixtures/clock';
import { INSTANT_TOPUP_ENV, verifiedCard, yuan } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';
import { allPages, topUp, topUpsAtOnce, trip } from './entries';

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
const BOM = [0xef, 0xbb, 0xbf];

/** What a CSV row must say about a transaction, as the parser gives it back (every cell a string). */
function expectedRow(entry: Transaction, kindName: Record<string, string>, methodName: Record<string, string>) {
  return [
    cardLocalTime(new Date(entry.createdAt)),
    kindName[entry.kind],
    entry.title,
    minorToDecimal(entry.amount.amountMinor),
    entry.amount.currency,
    entry.method ? methodName[entry.method] : '',
    entry.cardNumberMasked,
    entry.receiptNo,
    entry.id,
  ];
}

describe('GET /api/v1/cards/:id/transactions.csv', () => {
  let auth: Auth;
  let cardId: string;
  let otherCardId: string;
  beforeAll(async () => {
    ({ auth } = await registerUser(t.app));
    const card = await verifiedCard(t.app, auth, 'yuanyou');
    cardId = card.id;
    await topUp(t.app, time, auth, card, yuan(1000), { promotionId: 'yuanyou-2026-winter' });
    await trip(t.app, time, auth, card.id, 'hzmb-zh');
    time.set('2026-12-04T03:00:00.000Z');
    await topUpsAtOnce(t.app, time, auth, card, [yuan(200), yuan(300)]);
    time.advance(1_000);
    await trip(t.app, time, auth, card.id, 'szb-sz');
    // Another card of the same user: its entries must stay out of this card's file.
    const other = await verifiedCard(t.app, auth, 'zhonggangtong');
    otherCardId = other.id;
    await topUp(t.app, time, auth, other, yuan(100));
  });

  it('exports what the list shows: UTF-8 with BOM, Chinese titles, decimal money, UTC+8 times', async () => {
    const res = await t.app.inject({ url: `/api/v1/cards/${cardId}/transactions.csv`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="transactions-\d{4}-start_now\.csv"; filename\*=UTF-8''%E4%BA%A4%E6%98%93%E8%AE%B0%E5%BD%95-\d{4}-start_now\.csv$/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual(BOM);

    const rows = parse(res.rawPayload, { bom: true, relax_column_count: false }) as string[][];
    const [header, ...records] = rows;
    expect(header).toEqual(['时间（UTC+8）', '类型', '摘要', '金额', '币种', '支付方式', '卡号', '收据号', '交易编号']);
    const list = await allPages(t.app, auth, `/api/v1/cards/${cardId}/transactions`);
    expect(list).toHaveLength(6);
    expect(records).toEqual(
      list.map((entry) =>
        expectedRow(
          entry,
          { topup: '充值', bonus: '充值赠送', trip: '通行扣费' },
          { unionpay: '银联卡', credit_card: '信用卡' },
        ),
      ),
    );
    // Spot checks of what Excel will show.
    expect(records).toContainEqual(expect.arrayContaining(['银联卡充值', '1000.00', 'HKD']));
    expect(records).toContainEqual(expect.arrayContaining(['港珠澳大桥 香港口岸 → 珠海（示例）', '-150.00']));
    expect(records.map((r) => r[0])).toContain('2026-12-02 10:00');
    // RFC 4180 line ends.
    expect(res.rawPayload.toString('utf8')).toMatch(/\r\n/);
    expect(res.rawPayload.toString('utf8').replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('covers a date range in UTC+8 like the list, in the request’s language', async () => {
    const res = await t.app.inject({
      url: `/api/v1/cards/${cardId}/transactions.csv?from=2026-12-04&to=2026-12-04&lang=en`,
      headers: auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = await allPages(
      t.app,
      auth,
      `/api/v1/cards/${cardId}/transactions?from=2026-12-04&to=2026-12-04&lang=en`,
    );
    expect(list).toHaveLength(3);
    const last4 = list[0]?.cardNumberMasked.replace(/\D/g, '').slice(-4);
    const name = `transactions-${last4}-2026-12-04_2026-12-04.csv`;
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    const rows = parse(res.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Time (UTC+8)',
      'Type',
      'Description',
      'Amount',
      'Currency',
      'Payment method',
      'Card',
      'Receipt no.',
      'Transaction ID',
    ]);
    expect(rows.slice(1)).toEqual(
      list.map((entry) =>
        expectedRow(
          entry,
          { topup: 'Top-up', bonus: 'Top-up bonus', trip: 'Toll' },
          { unionpay: 'UnionPay card', credit_card: 'Credit card' },
        ),
      ),
    );
    const none = await t.app.inject({
      url: `/api/v1/cards/${cardId}/transactions.csv?from=2027-01-01&lang=zh-Hant`,
      headers: auth,
    });
    const empty = parse(none.rawPayload, { bom: true }) as string[][];
    expect(empty).toEqual([
      ['時間（UTC+8）', '類型', '摘要', '金額', '幣種', '付款方式', '卡號', '收據號碼', '交易編號'],
    ]);
    expect([...none.rawPayload.subarray(0, 3)]).toEqual(BOM);
  });

  it('answers a bad query with the JSON error envelope, and 404 for another user’s card', async () => {
    const cases: Array<[string, number, string, string | undefined]> = [
      ['from=2026-02-30', 400, 'VALIDATION_FAILED', 'from'],
      ['to=yesterday', 400, 'VALIDATION_FAILED', 'to'],
      ['from=2026-12-05&to=2026-12-01', 400, 'DATE_RANGE_INVALID', 'from'],
      ['lang=fr', 400, 'VALIDATION_FAILED', 'lang'],
    ];
    for (const [query, status, code, field] of cases) {
      const res = await t.app.inject({ url: `/api/v1/cards/${cardId}/transactions.csv?${query}`, headers: auth });
      expect(res.statusCode, query).toBe(status);
      expect(res.headers['content-type'], query).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition'], query).toBeUndefined();
      expect(res.json().error, query).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    const badId = await t.app.inject({ url: '/api/v1/cards/123/transactions.csv', headers: auth });
    expect(badId.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    const stranger = await wechatUser(t.app);
    const foreign = await t.app.inject({ url: `/api/v1/cards/${cardId}/transactions.csv`, headers: stranger.auth });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('CARD_NOT_FOUND');
    // The other card's file has only its own entry.
    const other = await t.app.inject({ url: `/api/v1/cards/${otherCardId}/transactions.csv`, headers: auth });
    expect(parse(other.rawPayload, { bom: true })).toHaveLength(2);
  });

  it('is documented in OpenAPI as a text/csv file with JSON errors', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const route = doc.paths['/api/v1/cards/{id}/transactions.csv'].get;
    expect(route.tags).toEqual(['history']);
    expect(route.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(route.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(route.responses['400'].content)).toEqual(['application/json']);
    expect(route.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'id', 'lang', 'to']);
  });
});

describe('transactionsCsv', () => {
  const base: Transaction = {
    id: '7d0c6f4e-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
    cardId: '11111111-2222-4333-8444-555555555555',
    cardType: 'zhonggangtong',
    cardNumberMasked: '3100 **** **** 1234',
    kind: 'topup',
    amount: { amountMinor: 123_456, currency: 'CNY' },
    title: '微信支付充值',
    receiptNo: 'R202612020000000001',
    orderId: null,
    method: 'wechatpay',
    createdAt: '2026-12-01T16:30:00.000Z',
  };
  const awkward = [
    'Shenzhen, Bay → "Guangzhou"',
    'two\nlines, and "quotes"',
    'carriage\r\nreturn',
    '深圳湾 → 广州，示例 "引号"',
    ' leading and trailing spaces ',
    '',
  ];

  it('quotes commas, quotes and line breaks so that a parser gets every cell back unchanged', () => {
    const transactions = awkward.map((title, index) => ({
      ...base,
      id: base.id.replace(/.$/, String(index)),
      title,
      amount: { amountMinor: index % 2 === 0 ? -index * 1_005 : index * 99_999, currency: 'CNY' as const },
      kind: index % 2 === 0 ? ('trip' as const) : ('topup' as const),
      method: index % 2 === 0 ? null : ('alipay' as const),
    }));
    const csv = transactionsCsv(transactions, 'zh-Hans');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toHaveLength(transactions.length + 1);
    rows.slice(1).forEach((row, index) => {
      const entry = transactions[index];
      expect(row[2]).toBe(entry?.title);
      expect(row[3]).toBe(minorToDecimal(entry?.amount.amountMinor ?? NaN));
      expect(row[5]).toBe(entry?.method === 'alipay' ? '支付宝' : '');
    });
    expect(rows[1]?.[3]).toBe('0.00');
    expect(rows[2]?.[3]).toBe('999.99');
    expect(rows[3]?.[3]).toBe('-20.10');
    expect(rows[1]?.[0]).toBe('2026-12-02 00:30');
    // Quoted the RFC 4180 way: the field in double quotes, its own quotes doubled.
    expect(csv).toContain('"Shenzhen, Bay → ""Guangzhou"""');
    expect(csv).toContain('"two\nlines, and ""quotes"""');
  });

  it('is a header row alone (with its BOM) when there is nothing to export', () => {
    expect(transactionsCsv([], 'en')).toBe(
      '\uFEFFTime (UTC+8),Type,Description,Amount,Currency,Payment method,Card,Receipt no.,Transaction ID\r\n',
    );
  });
});

describe('csvContentDisposition', () => {
  it('gives an ASCII file name and the localized one per RFC 5987', () => {
    expect(csvContentDisposition('3100 **** **** 1234', { from: '2026-12-01', to: '2026-12-31' }, 'zh-Hant')).toBe(
      `attachment; filename="transactions-1234-2026-12-01_2026-12-31.csv"; filename*=UTF-8''${encodeURIComponent(
        '交易紀錄',
      )}-1234-2026-12-01_2026-12-31.csv`,
    );
    expect(csvContentDisposition('**** 5678', {}, 'en')).toBe(
      `attachment; filename="transactions-5678-start_now.csv"; filename*=UTF-8''transactions-5678-start_now.csv`,
    );
  });
});
