import { boundCardSchema, messageListSchema, tripReplySchema, type TripReply } from '@cbc/shared';
import { expect } from 'vitest';
import type { App } from '../../src/app';
import type { Clock } from '../../src/clock';
import { confirmCashier, createOrder, getOrder, payOrder } from '../fixtures/topup';

type Auth = Record<string, string>;

export { yuan } from '../fixtures/topup';

/**
 * A clock that moves one millisecond on every reading, so every stamp the app writes is distinct and
 * ordering entries by time replays the order in which they were written.
 */
export function tickingClock(start: string): { clock: Clock; now(): Date } {
  let current = new Date(start).getTime();
  return {
    clock: () => new Date(current++),
    now: () => new Date(current),
  };
}

/**
 * A real top-up through the API: order, payment, simulated cashier, notification, crediting (jobs).
 * 中港通卡 pays by WeChat Pay or Alipay with a password; 遠遊卡 by UnionPay with the one-time code from
 * the inbox (so its top-ups must not run concurrently for one user: the newest code is taken).
 */
export async function topUp(
  app: App,
  auth: Auth,
  card: { id: string; type: 'zhonggangtong' | 'yuanyou' },
  amountMinor: number,
  method: 'wechatpay' | 'alipay' = 'wechatpay',
): Promise<void> {
  const order = await createOrder(app, auth, {
    cardId: card.id,
    amountMinor,
    method: card.type === 'yuanyou' ? 'unionpay' : method,
  });
  await payOrder(app, auth, order.id);
  if (card.type === 'yuanyou') {
    const sent = await app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/cashier/sms-code`,
      headers: auth,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const inbox = messageListSchema.parse((await app.inject({ url: '/api/v1/messages', headers: auth })).json());
    const newest = inbox.messages
      .filter((m) => m.kind === 'payment_code')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const code = /\b(\d{6})\b/.exec(newest?.body ?? '')?.[1];
    if (!code) throw new Error('no payment code in the inbox');
    await confirmCashier(app, auth, order.id, { outcome: 'success', smsCode: code });
  } else {
    await confirmCashier(app, auth, order.id, { outcome: 'success', password: '123456' });
  }
  await creditedSoon(app, auth, order.id);
}

/**
 * Runs the jobs until the order is credited. Top-ups running beside this one run the jobs too, and on
 * PostgreSQL one of them may hold this order's notification or credit in flight (claimed, not yet
 * done) when this run looks: the order is then credited by that run, a moment later.
 */
async function creditedSoon(app: App, auth: Auth, orderId: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await app.jobs.runOnce(app.clock());
    if ((await getOrder(app, auth, orderId)).state === 'credited') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect((await getOrder(app, auth, orderId)).state).toBe('credited');
}

/**
 * Makes concurrent requests really overlap. Everything a request does here is microtasks (better-sqlite3
 * answers synchronously), so `Promise.all` of injects would otherwise run each request to its end before
 * the next starts. A macrotask after the card lookup lets every request read its card before any of them
 * debits: code that decided from that read (a read-modify-write) would then be caught. Returns a restore.
 */
export function overlapCardLookups(app: App): () => void {
  const cards = app.cardsService;
  const original = cards.get;
  cards.get = async (userId, id) => {
    const card = await original.call(cards, userId, id);
    await new Promise((resolve) => setImmediate(resolve));
    return card;
  };
  return () => {
    cards.get = original;
  };
}

export async function postTrip(app: App, auth: Auth, cardId: string, segmentId: string, query = '') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/cards/${cardId}/trips${query}`,
    headers: auth,
    payload: { segmentId },
  });
}

export async function trip(app: App, auth: Auth, cardId: string, segmentId: string): Promise<TripReply> {
  const res = await postTrip(app, auth, cardId, segmentId);
  expect(res.statusCode, res.body).toBe(201);
  return tripReplySchema.parse(res.json());
}

export async function balanceOf(app: App, auth: Auth, cardId: string): Promise<number> {
  const res = await app.inject({ url: `/api/v1/cards/${cardId}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return boundCardSchema.parse(res.json()).balance.amountMinor;
}

export async function setThreshold(app: App, auth: Auth, cardId: string, thresholdMinor: number | null) {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/cards/${cardId}/reminder`,
    headers: auth,
    payload: { thresholdMinor },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Rows written by trips (trips, trip entries, messages): a declined or refused trip must change none. */
export async function tripFootprint(app: App) {
  const count = async (table: 'trips' | 'ledger_entries' | 'messages') =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { trips: await count('trips'), entries: await count('ledger_entries'), messages: await count('messages') };
}

export async function messagesOfKind(app: App, userId: string, kind: 'trip_receipt' | 'low_balance') {
  return app.db
    .selectFrom('messages')
    .selectAll()
    .where('userId', '=', userId)
    .where('kind', '=', kind)
    .orderBy('createdAt')
    .execute();
}
