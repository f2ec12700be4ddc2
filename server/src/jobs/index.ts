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
  /**
   * Delivers due notifications soon without waiting for the timer (after a payment, so its notification
   * goes out at once); the other jobs keep to the timer.
   */
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

/**
 * The timer runs every job; a kick delivers notifications only: under load one follows nearly every
 * payment, and the other jobs' four statements each time found nothing the timer would not find at
 * its next run.
 */
type Run = 'all' | 'notifications';

export function createJobs(deps: JobsDeps): Jobs {
  const { orders, outbox, clock, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again: Run | undefined;
  let stopped = false;

  const deliverNotifications = (now: Date) => (outbox ? outbox.deliverDue(now) : Promise.resolve(0));

  const runOnce = async (now: Date = clock()): Promise<JobReport> => {
    // Notifications first: a payment they report is then credited in the same run when no delay is set.
    const notificationsSent = await deliverNotifications(now);
    const credited = await orders.creditDue(now);
    const reconciled = await orders.queryPaying(now);
    const closed = await orders.closeExpired(now);
    await deps.housekeeping?.(now);
    return { notificationsSent, credited, reconciled, closed };
  };

  /** One run at a time; a tick during a run asks for one more run after it (the wider of the two asked). */
  const tick = (run: Run): void => {
    if (stopped) return;
    if (running) {
      again = again === 'all' || run === 'all' ? 'all' : 'notifications';
      return;
    }
    running = (run === 'all' ? runOnce() : deliverNotifications(clock()))
      .catch((error: unknown) => log.error({ err: error }, 'background jobs failed; next run retries'))
      .finally(() => {
        running = undefined;
        const next = again;
        again = undefined;
        if (next) setImmediate(() => tick(next));
      });
  };

  return {
    runOnce,
    // With the timer off (tests drive `runOnce` themselves), nothing runs behind their back either.
    kick: () => {
      if (deps.intervalMs > 0) setImmediate(() => tick('notifications'));
    },
    start() {
      if (deps.intervalMs <= 0 || timer) return;
      tick('all');
      timer = setInterval(() => tick('all'), deps.intervalMs);
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
