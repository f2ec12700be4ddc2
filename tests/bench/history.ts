import { join } from 'node:path';
import { sessionSchema, transactionPageSchema, type PaymentMethod, type TransactionPage } from '@cbc/shared';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import type { PaymentProvider } from '../../server/src/payments/provider';
import { BENCH_PASSWORD, benchUsers } from './accounts';
import { call } from './http';

/**
 * A card with `entries` real top-ups, made in-process through the server's own services before the
 * server process starts on the same DATA_DIR: every entry has its order behind it (created, paid and
 * credited by OrdersService, which calls the ledger and writes the SMS receipt, as in real use). Only
 * the simulated WeChat Pay platform is replaced by an instant one: its RSA signing and notification
 * round trip would make 10,000 top-ups take minutes, and history reads none of it.
 */

/** Hours between top-ups: ≤ 186 of ¥50 in a 31-day month stays under the ¥10,000 monthly cap. */
const STEP_MS = 4 * 3_600_000;
const AMOUNT_MINOR = 5_000;

const instantWechatPay: PaymentProvider = {
  methods: ['wechatpay'] satisfies PaymentMethod[],
  prepare: async (order) => ({
    method: 'wechatpay',
    params: {
      timeStamp: String(Math.floor(order.expiresAt.getTime() / 1000)),
      nonceStr: order.outTradeNo,
      package: `prepay_id=bench${order.outTradeNo}`,
      signType: 'RSA',
      paySign: 'bench',
    },
  }),
  query: async () => null,
  close: async () => 'closed',
};

export interface HistorySeed {
  cardId: string;
  phone: { region: 'CN'; number: string };
  entries: number;
  seedSeconds: number;
}

/** `databaseEnv`: DATABASE_URL and APP_SECRET for a PostgreSQL run; empty for the SQLite file in `dataDir`. */
export async function seedHistory(
  dataDir: string,
  entries: number,
  databaseEnv: Record<string, string> = {},
): Promise<HistorySeed> {
  let now = Date.now() - entries * STEP_MS - 24 * 3_600_000;
  const config = loadConfig({
    ...databaseEnv,
    DATA_DIR: dataDir,
    STATIC_DIR: join(dataDir, 'no-h5'),
    LOG_LEVEL: 'warn',
    JOB_INTERVAL_MS: '0',
    CREDIT_DELAY_SECONDS: '0',
    SIM_PROBE_RATE: '0',
    RATE_LIMIT_SMS_CODE_ADDRESS: '99999/1h',
    RATE_LIMIT_REGISTER_ADDRESS: '99999/1h',
  });
  const app = buildApp(config, { clock: () => new Date(now), paymentProviders: { wechatpay: instantWechatPay } });
  const started = performance.now();
  try {
    // The user and card through the HTTP API, as the other benches make theirs.
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const [user] = await benchUsers(address, 1, 90_000, 1);
    const cardId = user?.cards[0]?.cardId;
    if (!user || !cardId) throw new Error('no history bench card');
    const me = await app.db
      .selectFrom('users')
      .selectAll()
      .where('phoneE164', '=', `+86${user.phone.number}`)
      .execute();
    const row = me[0];
    if (!row) throw new Error('no history bench user');
    const orderer = app.ordererOf(row);
    for (let n = 0; n < entries; n += 1) {
      const order = await app.ordersService.create(
        orderer,
        { cardId, amountMinor: AMOUNT_MINOR, method: 'wechatpay' },
        undefined,
        'zh-Hans',
      );
      await app.ordersService.pay(orderer, order.id, 'zh-Hans');
      const outcome = await app.ordersService.applyProviderTrade({
        outTradeNo: order.outTradeNo,
        state: 'SUCCESS',
        transactionId: `42000${String(n).padStart(23, '0')}`,
        amountMinor: AMOUNT_MINOR,
        currency: 'CNY',
        paidAt: new Date(now).toISOString(),
      });
      if (outcome !== 'applied') throw new Error(`top-up ${n} not applied: ${outcome}`);
      now += STEP_MS;
    }
    const balance = await app.db.selectFrom('cards').select('balanceMinor').where('id', '=', cardId).executeTakeFirst();
    const sum = await app.ledgerService.sumOfEntries(cardId);
    if (Number(balance?.balanceMinor) !== sum || sum !== entries * AMOUNT_MINOR) {
      throw new Error(`history bench card: balance ${balance?.balanceMinor}, entries sum ${sum}`);
    }
    return { cardId, phone: user.phone, entries, seedSeconds: (performance.now() - started) / 1000 };
  } finally {
    await app.close();
  }
}

/** A fresh session on the running server (the seed's sessions were made years ago on the seed's clock). */
export async function historyLogin(baseUrl: string, seed: HistorySeed): Promise<string> {
  const session = sessionSchema.parse(
    await call('POST', `${baseUrl}/api/v1/auth/login`, { body: { phone: seed.phone, password: BENCH_PASSWORD } }),
  );
  return session.token;
}

/** The cursor after `depth` entries, found by paging as a client scrolls (100 at a time). */
export async function cursorAt(baseUrl: string, token: string, cardId: string, depth: number): Promise<string> {
  let cursor: string | null = null;
  for (let seen = 0; seen < depth; seen += 100) {
    const page: TransactionPage = transactionPageSchema.parse(
      await call(
        'GET',
        `${baseUrl}/api/v1/cards/${cardId}/transactions?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      ),
    );
    cursor = page.nextCursor;
    if (!cursor) throw new Error(`history ends before ${depth} entries`);
  }
  if (!cursor) throw new Error('no cursor');
  return cursor;
}

/** Checks a page once before it is loaded: the right size, and (for the deep one) where it should start. */
export async function checkPage(url: string, token: string, expected: { size: number; hasNext: boolean }) {
  const page = transactionPageSchema.parse(await call('GET', url, { token }));
  if (page.transactions.length !== expected.size || (page.nextCursor !== null) !== expected.hasNext) {
    throw new Error(`history page ${url}: ${page.transactions.length} entries, next ${page.nextCursor}`);
  }
  return page;
}
