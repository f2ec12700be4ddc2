import { cashierConfirmReplySchema, orderSchema, paymentReplySchema, type Order } from '@cbc/shared';
import type { BenchCard } from './accounts';
import { Pool } from 'undici';
import { call } from './http';
import { cpuTimeMs, loadCpuTimeMs } from './processes';
import { idempotencyKey, orderBody } from './order-creation';
import { percentile, type Row } from './report';

/**
 * Full top-up cycles, the way the miniapp drives one: create the order, start paying (WeChat Pay's
 * prepay, signed both ways), confirm on the simulated cashier, then poll the order until the simulated
 * platform's signed, encrypted notification has reached the notify route and the order is credited.
 *
 * Two ways to drive them. A closed loop (`virtualUsers` loops side by side, each starting its next cycle
 * once its order is credited) runs the server as fast as it goes: its rate is the server's capacity, and
 * at that rate every step's latency is mostly the queue of the other users' requests (fifty users make a
 * cycle last 50 ÷ the rate). Paced (`pacedRate`), a cycle is due every 1 ÷ rate seconds whether or not the
 * earlier ones are done, over a pool of `connections` keep-alive connections, and its create step counts
 * from when it was due: the steps' latency at a given load, as the paced order row measures order creation.
 */

export interface CycleOptions {
  /** Closed loop: this many users, each waiting for its order to be credited before the next. */
  virtualUsers: number;
  /** Open loop instead: cycles started at this rate a second, on `virtualUsers` connections. */
  pacedRate?: number;
  warmupS: number;
  durationS: number;
  /** Pause between two polls of an order waiting for its notification. */
  pollMs: number;
  /** A cycle whose order is not credited by then counts as failed. */
  creditTimeoutMs: number;
}

interface Cycle {
  /** When it started (closed loop) or was due (paced). */
  startedAt: number;
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
  const paced = options.pacedRate !== undefined;
  const dispatcher = paced ? new Pool(baseUrl, { connections: options.virtualUsers }) : undefined;
  let next = 0;
  const done: Cycle[] = [];
  const failures: string[] = [];
  const orderIds: string[] = [];
  const started = performance.now();
  const windowStart = started + options.warmupS * 1000;
  const windowEnd = windowStart + options.durationS * 1000;

  /** Orders whose cycle failed after they were created: waited for once the loops stop. */
  const unfinished: Array<{ id: string; token: string }> = [];

  /** One cycle from `t0`: now in the closed loop, its due time when paced (a late start counts). */
  const oneCycle = async (t0: number): Promise<void> => {
    const card = cards[next++ % cards.length] as BenchCard;
    const asHolder = { token: card.token, ...(dispatcher ? { dispatcher } : {}) };
    let created: { id: string; token: string } | undefined;
    try {
      const order = orderSchema.parse(
        await call('POST', `${baseUrl}/api/v1/orders`, {
          ...asHolder,
          headers: { 'idempotency-key': idempotencyKey() },
          body: orderBody(card),
        }),
      );
      orderIds.push(order.id);
      created = { id: order.id, token: card.token };
      const t1 = performance.now();
      paymentReplySchema.parse(await call('POST', `${baseUrl}/api/v1/orders/${order.id}/pay`, asHolder));
      const t2 = performance.now();
      const confirmed = cashierConfirmReplySchema.parse(
        await call('POST', `${baseUrl}/api/v1/orders/${order.id}/cashier/confirm`, {
          ...asHolder,
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
        state = orderSchema.parse(await call<Order>('GET', `${baseUrl}/api/v1/orders/${order.id}`, asHolder)).state;
      }
      const t4 = performance.now();
      done.push({
        startedAt: t0,
        endedAt: t4,
        create: t1 - t0,
        pay: t2 - t1,
        confirm: t3 - t2,
        credit: t4 - t3,
        total: t4 - t0,
        polls,
      });
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      if (created) unfinished.push(created);
      throw error;
    }
  };

  const virtualUser = async () => {
    while (performance.now() < windowEnd) {
      // A failed cycle is counted in `failures`; its user pauses before the next.
      await oneCycle(performance.now()).catch(() => sleep(10));
    }
  };
  const pacedCycles = async (rate: number) => {
    const cycles: Promise<void>[] = [];
    for (let n = 0; ; n += 1) {
      const due = started + (n * 1000) / rate;
      if (due >= windowEnd) break;
      // Timers fire a millisecond or so late: every cycle already due starts now, counted from its due time.
      if (due - performance.now() >= 1) await sleep(due - performance.now());
      cycles.push(oneCycle(due).catch(() => undefined));
    }
    await Promise.all(cycles);
  };
  // The server's and the load's CPU time over the measured window only (warm-up excluded).
  const cpuAt = (at: number) =>
    new Promise<{ server: number; load: number }>((resolve) =>
      setTimeout(() => resolve({ server: cpuTimeMs(server.pid), load: loadCpuTimeMs() }), at - performance.now()),
    );
  const [, cpuStart, cpuEnd] = await Promise.all([
    paced
      ? pacedCycles(options.pacedRate as number)
      : Promise.all(Array.from({ length: options.virtualUsers }, virtualUser)),
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

  await dispatcher?.close();
  // Closed loop: the cycles that ended in the window. Paced: those due in it, however late they ended, so
  // that a backlog shows in the latencies rather than leaving the window.
  const measured = done.filter((cycle) => {
    const at = paced ? cycle.startedAt : cycle.endedAt;
    return at >= windowStart && at < windowEnd;
  });
  // Paced cycles that end after the window stretch it: a server that cannot keep up shows a lower rate.
  const lastEnd = measured.reduce((latest, cycle) => Math.max(latest, cycle.endedAt), windowEnd);
  const rate = measured.length / (paced ? (lastEnd - windowStart) / 1000 : options.durationS);
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
