import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerUser } from '../fixtures/accounts';
import { MINUTE, testClock } from '../fixtures/clock';
import { confirmCashier, createOrder, getOrder, payOrder, verifiedCard } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';

// The timer runs once at start and then not for a minute: whatever happens before that was kicked.
const time = testClock('2026-12-02T02:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    clock: time.clock,
    env: { CREDIT_DELAY_SECONDS: '0', JOB_INTERVAL_MS: '60000', SIM_PROBE_RATE: '0', ORDER_TTL_MINUTES: '15' },
  });
});
afterAll(() => t.close());

const storedState = async (id: string) =>
  (await t.app.db.selectFrom('orders').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

it('a payment delivers its notification at once; expired orders wait for the timer', async () => {
  const { auth } = await registerUser(t.app);
  const card = await verifiedCard(t.app, auth);
  const forgotten = await createOrder(t.app, auth, { cardId: card.id, amountMinor: 10_000, method: 'wechatpay' });
  time.advance(16 * MINUTE);

  const paid = await createOrder(t.app, auth, { cardId: card.id, amountMinor: 10_000, method: 'wechatpay' });
  await payOrder(t.app, auth, paid.id);
  await confirmCashier(t.app, auth, paid.id, { outcome: 'success', password: '123456' });
  await expect
    .poll(() => getOrder(t.app, auth, paid.id).then((order) => order.state), { timeout: 5_000 })
    .toBe('credited');

  // The kick that delivered the notification left the expired order alone...
  expect(await storedState(forgotten.id)).toBe('created');
  // ...which the timer's run closes.
  expect((await t.app.jobs.runOnce()).closed).toBe(1);
  expect(await storedState(forgotten.id)).toBe('closed');
});
