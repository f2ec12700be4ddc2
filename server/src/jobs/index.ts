import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { OrdersService } from '../orders/service';
import type { NotificationOutbox } from '../payment-sims/outbox';

/**
 * Every background job of the server in one place. `runOnce(now)` is what tests call with a chosen
 * "now"; the timer calls it every interval and once at start-up, so a restart loses nothing (work is
 * found from the database, never from memory). Each job claims its rows with a conditional UPDATE.
 */
export interface JobReport {
  notificationsSent: number;
  credited: number;
  reconciled: number;
  closed: number;
}

export interface Jobs {
  runOnce(now?: Date): Promise<JobReport>;
  /** Runs soon without waiting for the timer (after a payment, so its notification goes out at once). */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

export interface JobsDeps {
  orders: OrdersService;
  /** The simulated platforms' notifications; absent with real providers only. */
  outbox?: NotificationOutbox;
  /** Deletes what has run out (ended rate-limit windows); its count is not reported. */
  housekeeping?: (now: Date) => Promise<unknown>;
  clock: Clock;
  intervalMs: number;
  log: FastifyBaseLogger;
}

export function createJobs(deps: JobsDeps): Jobs {
  const { orders, outbox, clock, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  let stopped = false;

  const runOnce = async (now: Date = clock()): Promise<JobReport> => {
    // Notifications first: a payment they report is then credited in the same run when no delay is set.
    const notificationsSent = outbox ? await outbox.deliverDue(now) : 0;
    const credited = await orders.creditDue(now);
    const reconciled = await orders.queryPaying(now);
    const closed = await orders.closeExpired(now);
    await deps.housekeeping?.(now);
    return { notificationsSent, credited, reconciled, closed };
  };

  /** One run at a time; a kick during a run asks for one more run after it. */
  const tick = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error: unknown) => log.error({ err: error }, 'background jobs failed; next run retries'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          setImmediate(tick);
        }
      });
  };

  return {
    runOnce,
    // With the timer off (tests drive `runOnce` themselves), nothing runs behind their back either.
    kick: () => {
      if (deps.intervalMs > 0) setImmediate(tick);
    },
    start() {
      if (deps.intervalMs <= 0 || timer) return;
      tick();
      timer = setInterval(tick, deps.intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
