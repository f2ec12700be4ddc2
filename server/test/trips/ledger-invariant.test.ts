import { TOLL_SEGMENTS, errorEnvelopeSchema, orderListSchema, tripReplySchema, type BoundCard } from '@cbc/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wechatUser } from '../fixtures/accounts';
import { expectBalancesMatchLedger, verifiedCard } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';
import { overlapCardLookups, postTrip, tickingClock, topUp, yuan } from './helpers';

// Every reading of this clock is a distinct millisecond, so (created_at, id) order is the write order.
// 2026-06-10 in Hong Kong: no 遠遊卡 promotion runs.
const time = tickingClock('2026-06-10T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: {
      CREDIT_DELAY_SECONDS: '0',
      JOB_INTERVAL_MS: '0',
      SIM_PROBE_RATE: '0',
      // One WeChat account per run, and many more runs when fast-check shrinks a failure: not a rate-limit test.
      RATE_LIMIT_WECHAT_ADDRESS: '100000/1h',
    },
  });
});
afterAll(() => t.close());

/** Cards of one run: two 中港通卡 topped up at random, one 遠遊卡 funded once before the mix. */
const CARD_SLOTS = 3;
const YUANYOU_FUNDING = yuan(200);

type Op =
  | { kind: 'trip'; card: number; segment: number; delay: number }
  | { kind: 'topup'; card: number; amount: number; method: 'wechatpay' | 'alipay'; delay: number };

// `delay`: how many macrotasks an operation waits before it starts, so runs differ in how they overlap.
const delay = fc.nat(3);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('trip' as const),
      card: fc.nat(CARD_SLOTS - 1),
      segment: fc.nat(3),
      delay,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('topup' as const),
      // Only the 中港通卡 (slots 0 and 1): its cashier takes a password, where 遠遊卡's bank asks for a
      // one-time code from the inbox that two top-ups at once could mix up.
      card: fc.nat(1),
      amount: fc.constantFrom(yuan(50), yuan(100), yuan(200)),
      method: fc.constantFrom('wechatpay' as const, 'alipay' as const),
      delay,
    }),
  },
);

const macrotasks = async (n: number) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

async function entriesOf(cardId: string) {
  return t.app.db
    .selectFrom('ledger_entries')
    .select(['kind', 'amountMinor', 'tripId', 'createdAt', 'id'])
    .where('cardId', '=', cardId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

describe('ledger invariant under a randomized mix of concurrent trips and top-ups', () => {
  it('every balance equals the sum of its entries and never went below zero', async () => {
    const restore = overlapCardLookups(t.app);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 20 }), async (ops) => {
          const user = await wechatUser(t.app);
          const cards: BoundCard[] = [
            await verifiedCard(t.app, user.auth, 'zhonggangtong'),
            await verifiedCard(t.app, user.auth, 'zhonggangtong'),
            await verifiedCard(t.app, user.auth, 'yuanyou'),
          ];
          const yuanyou = cards[2] as BoundCard;
          await topUp(t.app, user.auth, yuanyou, YUANYOU_FUNDING);

          const credited = new Map<string, number>(cards.map((card) => [card.id, 0]));
          credited.set(yuanyou.id, YUANYOU_FUNDING);
          const debited = new Map<string, number>(cards.map((card) => [card.id, 0]));
          const tripIds = new Map<string, string[]>(cards.map((card) => [card.id, []]));
          let declined = 0;

          await Promise.all(
            ops.map(async (o) => {
              await macrotasks(o.delay);
              const card = cards[o.card] as BoundCard;
              if (o.kind === 'topup') {
                await topUp(t.app, user.auth, card, o.amount, o.method);
                credited.set(card.id, (credited.get(card.id) ?? 0) + o.amount);
                return;
              }
              const segments = TOLL_SEGMENTS[card.type];
              const segment = segments[o.segment % segments.length];
              if (!segment) throw new Error('no segment');
              const res = await postTrip(t.app, user.auth, card.id, segment.id);
              if (res.statusCode === 409) {
                expect(errorEnvelopeSchema.parse(res.json()).error.code).toBe('INSUFFICIENT_BALANCE');
                declined += 1;
                return;
              }
              expect(res.statusCode, res.body).toBe(201);
              const reply = tripReplySchema.parse(res.json());
              expect(reply.balance.amountMinor).toBeGreaterThanOrEqual(0);
              debited.set(card.id, (debited.get(card.id) ?? 0) + segment.feeMinor);
              tripIds.get(card.id)?.push(reply.trip.id);
            }),
          );
          // Whatever is still due (nothing, when every top-up ran its own jobs) is credited now.
          await t.app.jobs.runOnce(t.app.clock());

          const orders = orderListSchema.parse(
            (await t.app.inject({ url: '/api/v1/orders', headers: user.auth })).json(),
          ).orders;
          expect(orders.every((order) => order.state === 'credited')).toBe(true);

          for (const card of cards) {
            const row = await t.app.db
              .selectFrom('cards')
              .select('balanceMinor')
              .where('id', '=', card.id)
              .executeTakeFirstOrThrow();
            const balance = Number(row.balanceMinor);
            const entries = await entriesOf(card.id);
            // The invariant: the balance is the sum of the entries…
            expect(balance).toBe(entries.reduce((sum, entry) => sum + Number(entry.amountMinor), 0));
            // …and replaying them in the order they were written, it never dips under zero.
            let running = 0;
            for (const entry of entries) {
              running += Number(entry.amountMinor);
              expect(running, `card ${card.id} after entry ${entry.id}`).toBeGreaterThanOrEqual(0);
            }
            // What the replies said happened is what the ledger holds: one entry per accepted trip,
            // none for a declined one, and every credited top-up.
            const tripEntries = entries.filter((entry) => entry.kind === 'trip');
            expect(tripEntries.map((entry) => entry.tripId).sort()).toEqual([...(tripIds.get(card.id) ?? [])].sort());
            expect(balance).toBe((credited.get(card.id) ?? 0) - (debited.get(card.id) ?? 0));
          }
          const accepted = [...tripIds.values()].reduce((n, ids) => n + ids.length, 0);
          expect(accepted + declined).toBe(ops.filter((o) => o.kind === 'trip').length);
        }),
        { numRuns: 15 },
      );
    } finally {
      restore();
    }
    await expectBalancesMatchLedger(t.app);
  }, 60_000);
});
