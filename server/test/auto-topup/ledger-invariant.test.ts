import { TOLL_SEGMENTS, orderListSchema, tripReplySchema, type BoundCard } from '@cbc/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wechatUser } from '../fixtures/accounts';
import { DAY } from '../fixtures/clock';
import { expectBalancesMatchLedger, expectMonthTotalsMatchOrders, verifiedCard } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';
import { overlapCardLookups, postTrip, setThreshold, topUp, yuan } from '../trips/helpers';

// Every reading is a distinct millisecond; each run starts on a new day (10:00 in Hong Kong), so a
// run's auto top-ups all fall on one UTC+8 day.
let current = Date.parse('2026-06-10T02:00:00.000Z');
const clock = () => new Date(current++);
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock,
    env: {
      CREDIT_DELAY_SECONDS: '0',
      JOB_INTERVAL_MS: '0',
      SIM_PROBE_RATE: '0',
      RATE_LIMIT_WECHAT_ADDRESS: '100000/1h',
    },
  });
});
afterAll(() => t.close());

const AUTO_AMOUNT = yuan(300);
const THRESHOLD = yuan(150);

type Op =
  | { kind: 'trip'; card: number; segment: number; delay: number }
  | { kind: 'topup'; card: number; amount: number; delay: number };

const delay = fc.nat(3);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('trip' as const), card: fc.nat(1), segment: fc.nat(3), delay }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('topup' as const),
      card: fc.nat(1),
      amount: fc.constantFrom(yuan(50), yuan(100), yuan(200)),
      delay,
    }),
  },
);

const macrotasks = async (n: number) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('ledger invariant with auto top-ups in the mix', () => {
  it('balances equal their entries, never go below zero, and each card gets at most one auto top-up a day', async () => {
    const restore = overlapCardLookups(t.app);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 8, maxLength: 16 }), async (ops) => {
          current += DAY;
          const user = await wechatUser(t.app);
          const cards: BoundCard[] = [
            await verifiedCard(t.app, user.auth, 'zhonggangtong'),
            await verifiedCard(t.app, user.auth, 'zhonggangtong'),
          ];
          for (const card of cards) {
            await topUp(t.app, user.auth, card, yuan(200));
            await setThreshold(t.app, user.auth, card.id, THRESHOLD);
            const res = await t.app.inject({
              method: 'PUT',
              url: `/api/v1/cards/${card.id}/auto-topup`,
              headers: user.auth,
              payload: { enabled: true, amountMinor: AUTO_AMOUNT, method: 'alipay' },
            });
            expect(res.statusCode, res.body).toBe(200);
          }
          const wentUnder = new Set<string>();

          await Promise.all(
            ops.map(async (o) => {
              await macrotasks(o.delay);
              const card = cards[o.card] as BoundCard;
              if (o.kind === 'topup') {
                await topUp(t.app, user.auth, card, o.amount);
                return;
              }
              const segment = TOLL_SEGMENTS.zhonggangtong[o.segment % TOLL_SEGMENTS.zhonggangtong.length];
              if (!segment) throw new Error('no segment');
              const res = await postTrip(t.app, user.auth, card.id, segment.id);
              if (res.statusCode === 409) return;
              expect(res.statusCode, res.body).toBe(201);
              const reply = tripReplySchema.parse(res.json());
              expect(reply.balance.amountMinor).toBeGreaterThanOrEqual(0);
              if (reply.balance.amountMinor < THRESHOLD) wentUnder.add(card.id);
            }),
          );
          await t.app.autoTopupService.idle();
          await t.app.jobs.runOnce(t.app.clock());

          const orders = orderListSchema.parse(
            (await t.app.inject({ url: '/api/v1/orders', headers: user.auth })).json(),
          ).orders;
          expect(orders.every((order) => order.state === 'credited')).toBe(true);
          for (const card of cards) {
            const autos = orders.filter(
              (order) => order.cardId === card.id && order.amount.amountMinor === AUTO_AMOUNT,
            );
            // One auto top-up exactly when some trip left the card under the threshold, never two.
            expect(autos.length).toBe(wentUnder.has(card.id) ? 1 : 0);
            const entries = await t.app.db
              .selectFrom('ledger_entries')
              .select(['amountMinor', 'id'])
              .where('cardId', '=', card.id)
              .orderBy('createdAt')
              .orderBy('id')
              .execute();
            let running = 0;
            for (const entry of entries) {
              running += Number(entry.amountMinor);
              expect(running).toBeGreaterThanOrEqual(0);
            }
            const row = await t.app.db
              .selectFrom('cards')
              .select('balanceMinor')
              .where('id', '=', card.id)
              .executeTakeFirstOrThrow();
            expect(Number(row.balanceMinor)).toBe(running);
          }
        }),
        { numRuns: 12 },
      );
    } finally {
      restore();
    }
    await expectBalancesMatchLedger(t.app);
    await expectMonthTotalsMatchOrders(t.app);
  }, 90_000);
});
