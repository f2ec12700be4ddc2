import { cashierConfirmReplySchema, orderSchema, paymentReplySchema, type Order } from '@cbc/shared';
import type { BenchCard } from './accounts';
import { call } from './http';
import { cpuTimeMs, loadCpuTimeMs } from './processes';
import { idempotencyKey, orderBody } from './order-creation';
import { percentile, type Row } from './report';

/**
 * Full top-up cycles, the way the miniapp drives one: create the order, start paying (WeChat Pay's
 * prepay, signed both ways), confirm on the simulated cashier, then poll the order until the simulated
 * platform's signed, encrypted notification has reached the notify route and the order is credited.
 * `virtualUsers` loops run side by side; each waits for its order to be credited before the next.
 */

export interface CycleOptions {
  virtualUsers: number;
  warmupS: number;
  durationS: number;
  /** Pause between two polls of an order waiting for its notification. */
  pollMs: number;
  /** A cycle whose order is not credited by then counts as failed. */
  creditTimeoutMs: number;
}

interface Cycle {
  endedAt: number;
  create: number;
  pay: number;
  confirm: number;
  credit: number;
  total: number;
  polls: number;
}

export interface CycleResult {
  rows: Row[];
  cycles: number;
  failures: string[];
  pollsPerCycle: number;
  /** Every order the loops created, measured or not (the ledger check looks at all of them). */
  orderIds: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCycles(
  server: { baseUrl: string; pid: number },
  cards: readonly BenchCard[],
  options: CycleOptions,
): Promise<CycleResult> {
  const { baseUrl } = server;
  let next = 0;
  const done: Cycle[] = [];
  const failures: string[] = [];
  const orderIds: string[] = [];
  const started = performance.now();
  const windowStart = started + options.warmupS * 1000;
  const windowEnd = windowStart + options.durationS * 1000;

  /** Orders whose cycle failed after they were created: waited for once the loops stop. */
  const unfinished: Array<{ id: string; token: string }> = [];
  let current: { id: string; token: string } | undefined;

  const oneCycle = async (): Promise<void> => {
    const card = cards[next++ % cards.length] as BenchCard;
    current = undefined;
    const t0 = performance.now();
    const order = orderSchema.parse(
      await call('POST', `${baseUrl}/api/v1/orders`, {
        token: card.token,
        headers: { 'idempotency-key': idempotencyKey() },
        body: orderBody(card),
      }),
    );
    orderIds.push(order.id);
    current = { id: order.id, token: card.token };
    const t1 = performance.now();
    paymentReplySchema.parse(await call('POST', `${baseUrl}/api/v1/orders/${order.id}/pay`, { token: card.token }));
    const t2 = performance.now();
    const confirmed = cashierConfirmReplySchema.parse(
      await call('POST', `${baseUrl}/api/v1/orders/${order.id}/cashier/confirm`, {
        token: card.token,
        body: { outcome: 'success', password: '123456' },
      }),
    );
    if (confirmed.result !== 'ok') throw new Error(`cashier answered ${confirmed.result}`);
    const t3 = performance.now();
    let state: Order['state'] = confirmed.order.state;
    let polls = 0;
    while (state !== 'credited') {
      if (performance.now() - t3 > options.creditTimeoutMs) throw new Error(`order ${order.id} still ${state}`);
      await sleep(options.pollMs);
      polls += 1;
      state = orderSchema.parse(
        await call<Order>('GET', `${baseUrl}/api/v1/orders/${order.id}`, { token: card.token }),
      ).state;
    }
    const t4 = performance.now();
    done.push({ endedAt: t4, create: t1 - t0, pay: t2 - t1, confirm: t3 - t2, credit: t4 - t3, total: t4 - t0, polls });
  };

  const virtualUser = async () => {
    while (performance.now() < windowEnd) {
      try {
        await oneCycle();
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
        if (current) unfinished.push(current);
        await sleep(10);
      }
    }
  };
  // The server's and the load's CPU time over the measured window only (warm-up excluded).
  const cpuAt = (at: number) =>
    new Promise<{ server: number; load: number }>((resolve) =>
      setTimeout(() => resolve({ server: cpuTimeMs(server.pid), load: loadCpuTimeMs() }), at - performance.now()),
    );
  const [, cpuStart, cpuEnd] = await Promise.all([
    Promise.all(Array.from({ length: options.virtualUsers }, virtualUser)),
    cpuAt(windowStart),
    cpuAt(windowEnd),
  ]);

  // A failed cycle's order may still be paid and credited (a slow notification): give it time, so
  // the ledger check sees every order in the state it ends in.
  const settleBy = performance.now() + options.creditTimeoutMs;
  for (const order of unfinished) {
    while (performance.now() < settleBy) {
      const state = orderSchema.parse(
        await call<Order>('GET', `${baseUrl}/api/v1/orders/${order.id}`, { token: order.token }),
      ).state;
      if (state !== 'created' && state !== 'paying' && state !== 'paid') break;
      await sleep(100);
    }
  }

  const measured = done.filter((cycle) => cycle.endedAt >= windowStart && cycle.endedAt < windowEnd);
  const rate = measured.length / options.durationS;
  const step = (name: string, pick: (cycle: Cycle) => number, unit: Row['unit'] = '—'): Row => {
    const values = measured.map(pick);
    return { name, rate, unit, p50: percentile(values, 50), p99: percentile(values, 99), failed: 0 };
  };
  return {
    rows: [
      {
        ...step('full cycle (create → credited)', (cycle) => cycle.total, 'cycles/s'),
        failed: failures.length,
        cpuMsPerOp: (cpuEnd.server - cpuStart.server) / Math.max(1, measured.length),
        loadCpuMsPerOp: (cpuEnd.load - cpuStart.load) / Math.max(1, measured.length),
      },
      step('  step: create', (cycle) => cycle.create),
      step('  step: pay (prepay at WeChat Pay sim)', (cycle) => cycle.pay),
      step('  step: cashier confirm', (cycle) => cycle.confirm),
      step('  step: confirm → seen credited (polled)', (cycle) => cycle.credit),
    ],
    cycles: measured.length,
    failures,
    pollsPerCycle: measured.reduce((sum, cycle) => sum + cycle.polls, 0) / Math.max(1, measured.length),
    orderIds,
  };
}
