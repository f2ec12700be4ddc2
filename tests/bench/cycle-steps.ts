import { cashierConfirmReplySchema, orderSchema, paymentReplySchema } from '@cbc/shared';
import type { BenchCard } from './accounts';
import { call, inBatches } from './http';
import { idempotencyKey, orderBody } from './order-creation';
import { threadCpuTimesMs, waitForIdle } from './processes';
import type { Row } from './report';

/**
 * The server's CPU per step of the top-up cycle, each step run alone over many orders: create them all,
 * then pay them all, then confirm them all and wait until every notification has credited its order,
 * then read each order once (a poll). Split between the event loop (the main thread) and the process's
 * other threads (the signing thread, V8's helper threads, the WAL checkpoint thread), read per thread
 * from /proc. Where the cycle loop shows what 50 users get, this shows what each step costs, and it
 * barely moves with the host: it is the arithmetic behind the cycle's rate.
 */

interface StepCost {
  name: string;
  perSecond: number;
  totalMs: number;
  mainThreadMs: number;
}

async function costOf(pid: number, name: string, count: number, step: () => Promise<void>): Promise<StepCost> {
  const before = threadCpuTimesMs(pid);
  const started = performance.now();
  await step();
  const seconds = (performance.now() - started) / 1000;
  const after = threadCpuTimesMs(pid);
  let totalMs = 0;
  for (const [tid, ms] of after) totalMs += ms - (before.get(tid) ?? 0);
  const mainThreadMs = (after.get(String(pid)) ?? 0) - (before.get(String(pid)) ?? 0);
  return { name, perSecond: count / seconds, totalMs: totalMs / count, mainThreadMs: mainThreadMs / count };
}

/** Every step over `count` new orders, one step after the other, each with its CPU. */
async function stepsOnce(
  server: { baseUrl: string; pid: number },
  cards: readonly BenchCard[],
  count: number,
  concurrency: number,
): Promise<StepCost[]> {
  const { baseUrl, pid } = server;
  const orders: Array<{ id: string; token: string }> = [];
  await waitForIdle(pid);
  return [
    await costOf(pid, 'create', count, async () => {
      const picked = Array.from({ length: count }, (_, index) => cards[index % cards.length] as BenchCard);
      await inBatches(picked, concurrency, async (card) => {
        const order = orderSchema.parse(
          await call('POST', `${baseUrl}/api/v1/orders`, {
            token: card.token,
            headers: { 'idempotency-key': idempotencyKey() },
            body: orderBody(card),
          }),
        );
        orders.push({ id: order.id, token: card.token });
      });
    }),
    await costOf(pid, 'pay (3 of the 4 signatures)', count, async () => {
      await inBatches(orders, concurrency, async (order) => {
        paymentReplySchema.parse(
          await call('POST', `${baseUrl}/api/v1/orders/${order.id}/pay`, { token: order.token }),
        );
      });
    }),
    await costOf(pid, 'confirm, notification, credit', count, async () => {
      await inBatches(orders, concurrency, async (order) => {
        const reply = cashierConfirmReplySchema.parse(
          await call('POST', `${baseUrl}/api/v1/orders/${order.id}/cashier/confirm`, {
            token: order.token,
            body: { outcome: 'success', password: '123456' },
          }),
        );
        if (reply.result !== 'ok') throw new Error(`cashier answered ${reply.result}`);
      });
      // The notifications are delivered by the server's jobs after the replies: their CPU counts here.
      await waitForIdle(pid, 0.05);
    }),
    await costOf(pid, 'poll (GET /orders/:id)', count, async () => {
      await inBatches(orders, concurrency, async (order) => {
        const { state } = orderSchema.parse(
          await call('GET', `${baseUrl}/api/v1/orders/${order.id}`, { token: order.token }),
        );
        if (state !== 'credited') throw new Error(`order ${order.id} is ${state} after its notification`);
      });
    }),
  ];
}

/**
 * The steps twice over `orders` new orders each time; the first round is not counted (code run for the
 * first time is not yet optimised, as in every other row's warm-up).
 */
export async function measureCycleSteps(
  server: { baseUrl: string; pid: number },
  cards: readonly BenchCard[],
  options: { orders: number; concurrency: number },
): Promise<{ rows: Row[]; summary: string }> {
  const { orders: count, concurrency } = options;
  await stepsOnce(server, cards, count, concurrency);
  const costs = await stepsOnce(server, cards, count, concurrency);
  const rows = costs.map((cost): Row => ({
    name: `  step alone: ${cost.name}`,
    rate: cost.perSecond,
    unit: 'req/s',
    p50: null,
    p99: null,
    failed: 0,
    cpuMsPerOp: cost.totalMs,
    mainThreadCpuMsPerOp: cost.mainThreadMs,
  }));
  const described = costs.map(
    (cost) => `${cost.name} ${cost.totalMs.toFixed(2)} (main ${cost.mainThreadMs.toFixed(2)})`,
  );
  return {
    rows,
    summary: `${count} orders through each step alone, ${concurrency} at a time; server CPU ms per order: ${described.join(', ')}`,
  };
}
