import {
  DEVICE_ID_HEADER,
  TOLL_SEGMENTS,
  boundCardSchema,
  generateCardNumber,
  generateHkid,
  generateMainlandId,
  messageListSchema,
  orderSchema,
  sessionSchema,
  smsCodeReplySchema,
  tripReplySchema,
  type BoundCard,
  type CardId,
  type PaymentMethod,
} from '@cbc/shared';
import { buildApp, type App } from '../app';
import { loadConfig } from '../config';
import { multipart } from './multipart';
import { solidPng } from './png';

/**
 * The demo account (`npm run demo`): a user, two cards and three months of trips and top-ups, made
 * through the API exactly as a user would — `app.inject` on the real app, with a clock walked over
 * the last three months — so every balance, entry, order, receipt and inbox message is one the
 * services wrote. Nothing is inserted by hand.
 */

export const DEMO_LOGIN = {
  phone: { region: 'CN', number: '13800138000' },
  /** As typed on the login page. */
  phoneDisplay: '+86 138 0013 8000',
  password: 'demo2HK!',
  email: 'demo@example.com',
} as const;

/** Inbox messages the demo account has not read yet: the newest ones. */
export const DEMO_UNREAD = 3;

export interface DemoSummary {
  userId: string;
  cards: { id: string; type: CardId; balanceMinor: number }[];
  trips: number;
  declinedTrips: number;
  topups: number;
  expiredOrders: number;
  from: string;
  to: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The cards' home time: days and hours of the walk are UTC+8. */
const HOME_OFFSET = 8 * HOUR;

/** A small deterministic PRNG (mulberry32), so every demo has the same story. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class DemoError extends Error {}

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string): void {
  if (res.statusCode !== status) throw new DemoError(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
}

/**
 * Seeds `dataDir` (which must be empty or absent) and closes the app. `now` is where the walk ends
 * (the real time by default); it starts thirteen weeks before.
 */
export async function seedDemo(dataDir: string, options: { now?: Date } = {}): Promise<DemoSummary> {
  const end = (options.now ?? new Date()).getTime();
  // Midnight (UTC+8) of the day 13 weeks ago.
  const start = Math.floor((end - 91 * DAY + HOME_OFFSET) / DAY) * DAY - HOME_OFFSET;
  let current = start;
  const clock = () => new Date(current);
  const setTime = (at: number) => {
    // Never backwards, never into the future: entries stay in the order they were made.
    current = Math.min(Math.max(at, current + 1000), end - 60_000);
  };
  const later = (ms: number) => setTime(current + ms);

  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    JOB_INTERVAL_MS: '0',
    CREDIT_DELAY_SECONDS: '0',
    SIM_PROBE_RATE: '0',
  });
  const app = buildApp(config, { clock });
  await app.ready();
  try {
    return await walk(app, { start, end, setTime, later, clock });
  } finally {
    await app.close();
  }
}

interface Walk {
  start: number;
  end: number;
  setTime(at: number): void;
  later(ms: number): void;
  clock(): Date;
}

async function walk(app: App, time: Walk): Promise<DemoSummary> {
  const random = prng(20_260_315);
  const deviceId = 'demo-device-0000000001';
  const summary = { trips: 0, declinedTrips: 0, topups: 0, expiredOrders: 0 };

  // Register with phone, e-mail and password, confirmed by the simulated SMS code.
  time.setTime(time.start + 9 * HOUR);
  const sms = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sms-code',
    headers: { [DEVICE_ID_HEADER]: deviceId },
    payload: { phone: DEMO_LOGIN.phone, purpose: 'register' },
  });
  expectStatus(sms, 200, 'sms code');
  const code = /\d{6}/.exec(smsCodeReplySchema.parse(sms.json()).message.body)?.[0];
  time.later(40_000);
  const registered = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    headers: { [DEVICE_ID_HEADER]: deviceId },
    payload: { phone: DEMO_LOGIN.phone, password: DEMO_LOGIN.password, smsCode: code, email: DEMO_LOGIN.email },
  });
  expectStatus(registered, 201, 'register');
  const session = sessionSchema.parse(registered.json());
  const auth = { authorization: `Bearer ${session.token}` };
  /** The driver opens the app each week and logs in with phone and password (sessions expire). */
  const logIn = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: DEMO_LOGIN.phone, password: DEMO_LOGIN.password },
    });
    expectStatus(res, 200, 'login');
    auth.authorization = `Bearer ${sessionSchema.parse(res.json()).token}`;
  };

  const bind = async (payload: Record<string, unknown>, rgb: [number, number, number]): Promise<BoundCard> => {
    time.later(3 * 60_000);
    const bound = await app.inject({ method: 'POST', url: '/api/v1/cards', headers: auth, payload });
    expectStatus(bound, 201, 'bind card');
    const card = boundCardSchema.parse(bound.json());
    time.later(60_000);
    const form = multipart([{ name: 'photo', filename: 'id.png', data: solidPng(320, 200, rgb) }]);
    const photo = await app.inject({
      method: 'POST',
      url: `/api/v1/cards/${card.id}/id-photo`,
      headers: { ...auth, ...form.headers },
      payload: form.payload,
    });
    expectStatus(photo, 200, 'id photo');
    return boundCardSchema.parse(photo.json());
  };
  const zgt = await bind(
    {
      type: 'zhonggangtong',
      number: generateCardNumber('zhonggangtong', '20260315001'),
      plates: [{ region: 'mainland', number: '粤B·D2468' }],
      idDocument: { type: 'mainland_id', number: generateMainlandId('440305', '19880512', '123') },
    },
    [120, 160, 200],
  );
  const yy = await bind(
    {
      type: 'yuanyou',
      number: generateCardNumber('yuanyou', '20260315002'),
      plates: [
        { region: 'hk', number: 'DX 2468' },
        { region: 'mainland', number: '粤Z·2468港' },
      ],
      idDocument: { type: 'hkid', number: generateHkid('A', '123456') },
    },
    [200, 170, 120],
  );

  const balance = async (card: BoundCard) => {
    const res = await app.inject({ url: `/api/v1/cards/${card.id}`, headers: auth });
    expectStatus(res, 200, 'card');
    return boundCardSchema.parse(res.json()).balance.amountMinor;
  };

  let keys = 0;
  const createOrder = async (card: BoundCard, amountMinor: number, method: PaymentMethod) => {
    keys += 1;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { ...auth, 'idempotency-key': `demo-order-${String(keys).padStart(4, '0')}` },
      payload: { cardId: card.id, amountMinor, method },
    });
    expectStatus(res, 201, 'order');
    return orderSchema.parse(res.json());
  };
  const pay = async (orderId: string) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/orders/${orderId}/pay`, headers: auth });
    expectStatus(res, 200, 'pay');
  };

  /** The whole manual cycle: order → pay → simulated cashier → notification → crediting (jobs). */
  const topUp = async (card: BoundCard, amountMinor: number, method: PaymentMethod) => {
    const order = await createOrder(card, amountMinor, method);
    time.later(20_000);
    await pay(order.id);
    time.later(15_000);
    let credentials: Record<string, string> = { password: '246810' };
    if (method === 'unionpay' || method === 'credit_card') {
      const sent = await app.inject({
        method: 'POST',
        url: `/api/v1/orders/${order.id}/cashier/sms-code`,
        headers: auth,
      });
      expectStatus(sent, 200, 'cashier code');
      const inbox = messageListSchema.parse((await app.inject({ url: '/api/v1/messages', headers: auth })).json());
      const newest = inbox.messages
        .filter((m) => m.kind === 'payment_code')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      const otp = /\b(\d{6})\b/.exec(newest?.body ?? '')?.[1];
      if (!otp) throw new DemoError('no payment code in the inbox');
      time.later(25_000);
      credentials = { smsCode: otp };
    }
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/cashier/confirm`,
      headers: auth,
      payload: { outcome: 'success', ...credentials },
    });
    expectStatus(confirmed, 200, 'cashier');
    time.later(3_000);
    await app.jobs.runOnce(time.clock());
    const after = await app.inject({ url: `/api/v1/orders/${order.id}`, headers: auth });
    if (orderSchema.parse(after.json()).state !== 'credited') throw new DemoError('a demo top-up was not credited');
    summary.topups += 1;
  };

  const trip = async (card: BoundCard, segmentId: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cards/${card.id}/trips`,
      headers: auth,
      payload: { segmentId },
    });
    if (res.statusCode === 409) {
      summary.declinedTrips += 1;
      return null;
    }
    expectStatus(res, 201, 'trip');
    summary.trips += 1;
    return tripReplySchema.parse(res.json());
  };

  // First top-ups the day the cards are bound, and the low-balance reminders.
  time.later(30 * 60_000);
  await topUp(zgt, 500_00, 'wechatpay');
  time.later(10 * 60_000);
  await topUp(yy, 1000_00, 'unionpay');
  for (const [card, thresholdMinor] of [
    [zgt, 150_00],
    [yy, 300_00],
  ] as const) {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/cards/${card.id}/reminder`,
      headers: auth,
      payload: { thresholdMinor, subscribe: 'unsupported' },
    });
    expectStatus(res, 200, 'reminder');
  }

  const at = (day: number, hour: number, minute: number) => time.start + day * DAY + hour * HOUR + minute * 60_000;
  /** The walk stops at the present: what is planned later today is left for the real clock. */
  const past = (moment: number) => moment < time.end - 10 * 60_000;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const zgtSegments = TOLL_SEGMENTS.zhonggangtong.map((segment) => segment.id);
  const yySegments = TOLL_SEGMENTS.yuanyou.map((segment) => segment.id);
  const zgtMethods: PaymentMethod[] = ['wechatpay', 'alipay'];
  const yyMethods: PaymentMethod[] = ['unionpay', 'credit_card'];
  let zgtToppedUp = 0;
  let expiredDone = false;

  for (let week = 0; week < 13; week += 1) {
    const monday = week * 7 + 1;
    // Sessions last 30 days (SESSION_TTL_DAYS): the driver logs in again every four weeks.
    if (week > 0 && week % 4 === 0) {
      time.setTime(at(monday, 7, 0));
      await logIn();
    }
    // 中港通卡: a weekday commute, two to four passages a week; topped up the morning after a reminder.
    const zgtDays = [0, 2, 4].filter(() => random() < 0.85);
    for (const weekday of zgtDays) {
      const morning = at(monday + weekday, 7, 40 + Math.floor(random() * 30));
      const evening = at(monday + weekday, 18, 10 + Math.floor(random() * 40));
      const segments = [pick(zgtSegments), pick(zgtSegments)] as const;
      const twice = random() < 0.5;
      if (!past(morning)) continue;
      time.setTime(morning);
      const done = await trip(zgt, segments[0]);
      if (done && twice && past(evening)) {
        time.setTime(evening);
        await trip(zgt, segments[1]);
      }
      if ((await balance(zgt)) < 150_00 && past(at(monday + weekday + 1, 8, 5))) {
        time.setTime(at(monday + weekday + 1, 8, 5));
        zgtToppedUp += 1;
        await topUp(zgt, pick([500_00, 1000_00]), zgtMethods[zgtToppedUp % 2] ?? 'wechatpay');
      }
    }
    // 遠遊卡: weekend runs to Zhuhai or Macau; this driver tops up only when the lane would refuse —
    // once (from the fourth week) at the lane itself, which declines the trip first.
    const yyDays = [5, 6].filter(() => random() < 0.7);
    for (const weekday of yyDays) {
      const moment = at(monday + weekday, 10, Math.floor(random() * 50));
      const segmentId = pick(yySegments);
      if (!past(moment)) continue;
      time.setTime(moment);
      const fee = TOLL_SEGMENTS.yuanyou.find((segment) => segment.id === segmentId)?.feeMinor ?? 0;
      if ((await balance(yy)) < fee) {
        if (week >= 3 && summary.declinedTrips === 0) {
          await trip(yy, segmentId);
          time.later(6 * 60_000);
        }
        await topUp(yy, pick([500_00, 1000_00, 2000_00]), pick(yyMethods));
        time.later(4 * 60_000);
      }
      await trip(yy, segmentId);
    }
    // Once, a top-up started and never paid: it closes by itself after 15 minutes.
    if (week === 9 && !expiredDone) {
      time.setTime(at(monday + 3, 21, 15));
      const order = await createOrder(zgt, 200_00, 'alipay');
      time.later(30_000);
      await pay(order.id);
      time.later(20 * 60_000);
      await app.jobs.runOnce(time.clock());
      const closed = orderSchema.parse((await app.inject({ url: `/api/v1/orders/${order.id}`, headers: auth })).json());
      if (closed.state !== 'closed' || closed.endReason !== 'expired')
        throw new DemoError('the unpaid order stayed open');
      summary.expiredOrders += 1;
      expiredDone = true;
    }
  }

  await logIn();
  // Auto top-up switched on for the commute card, so the next low balance tops itself up.
  const auto = await app.inject({
    method: 'PUT',
    url: `/api/v1/cards/${zgt.id}/auto-topup`,
    headers: auth,
    payload: { enabled: true, amountMinor: 500_00, method: 'wechatpay' },
  });
  expectStatus(auto, 200, 'auto top-up');

  // A driver who opens the inbox has read what came before: all but the newest few are marked read
  // the way the inbox page does it (list, then POST the ids it showed), so the badge says 3, not 97.
  time.later(2 * 60_000);
  const inbox = messageListSchema.parse((await app.inject({ url: '/api/v1/messages', headers: auth })).json());
  const seen = [...inbox.messages]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(DEMO_UNREAD)
    .filter((message) => message.readAt === null)
    .map((message) => message.id);
  for (let from = 0; from < seen.length; from += 100) {
    const read = await app.inject({
      method: 'POST',
      url: '/api/v1/messages/read',
      headers: auth,
      payload: { ids: seen.slice(from, from + 100) },
    });
    expectStatus(read, 200, 'mark messages read');
  }

  const cards = [];
  for (const card of [zgt, yy]) cards.push({ id: card.id, type: card.type, balanceMinor: await balance(card) });
  return {
    userId: session.user.id,
    cards,
    ...summary,
    from: new Date(time.start).toISOString(),
    to: time.clock().toISOString(),
  };
}
