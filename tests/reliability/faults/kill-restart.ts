import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TOPUP_RULES, cashierConfirmReplySchema, orderSchema, type CashierOutcome } from '@cbc/shared';
import type { ExpectStatic } from 'vitest';
import { OPEN_RATE_LIMITS, benchUsers, type BenchCard } from '../../bench/accounts';
import { HttpError, call } from '../../bench/http';
import { checkLedger } from '../../bench/ledger-check';
import { startServer, type RunningServer } from '../../support/server';
import { seededRandom } from '../../support/random';

// The top-up's promises under the worst kind of fault: the server process killed with SIGKILL (no
// shutdown hook, no flush) at a random moment while users are creating, paying and waiting for
// top-ups, then started again on the same data folder. Repeated 50 times on one database. Afterwards
// every order a user was told about exists, every payment the simulated platform took is credited
// exactly once, nothing is credited without a payment, and the SQLite file passes its integrity check.

export const KILLS = Number(process.env.FAULT_KILLS ?? 50);
// Printed, so a failing run can be replayed with FAULT_SEED.
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Users topping up at once while the server runs. */
const LANES = 4;
/** The kill lands this long after the restarted server answers its health check. */
const KILL_AFTER_MS = { min: 100, max: 1_500 };
/** Killed claims (crediting, notification delivery, a query in flight) lapse after 30 s; the query job asks after 10 s. */
const SETTLE_TIMEOUT_MS = 120_000;

const STEPS = ['create', 'pay', 'confirm'] as const;
type Step = (typeof STEPS)[number];

interface Attempt {
  idempotencyKey: string;
  card: BenchCard;
  outcome: CashierOutcome;
  /** Set once the create reply arrived. */
  orderId?: string;
  /** The cashier's answer, when it arrived. */
  cashierResult?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const AMOUNT_MINOR = 5_000;
/** A 中港通卡's monthly cap (which counts unpaid orders too) in orders of this amount. */
const MONTHLY_CAP_ORDERS = TOPUP_RULES.zhonggangtong.monthlyCapMinor / AMOUNT_MINOR;

/** The whole loop and its checks; throws on the first broken promise. */
export async function killAndRestart(expect: ExpectStatic): Promise<void> {
  const random = seededRandom(SEED);
  const dataDir = mkdtempSync(join(tmpdir(), 'cbc-kill-'));
  const env = {
    ...OPEN_RATE_LIMITS,
    DATA_DIR: dataDir,
    // A second between paid and credited, so kills also land while the crediting job has work.
    CREDIT_DELAY_SECONDS: '1',
    JOB_INTERVAL_MS: '50',
    // WeChat Pay's signature probes stay in: a probe killed mid-delivery must still be refused later.
    SIM_PROBE_RATE: '0.2',
    LOG_LEVEL: 'warn',
  };
  let server: RunningServer | undefined;
  try {
    server = await startServer(env);
    // Four users with five verified cards each, and a budget of orders that keeps every card under its
    // monthly cap however fast the machine is.
    const cards = (await benchUsers(server.baseUrl, 4)).flatMap((user) => user.cards);
    const orderBudget = cards.length * (MONTHLY_CAP_ORDERS - 20);
    const attempts: Attempt[] = [];
    const unexpected: string[] = [];
    const killedDuring = Object.fromEntries(STEPS.map((step) => [step, 0])) as Record<Step, number>;
    let mostLeftPaid = 0;
    let mostLeftUndelivered = 0;

    const loopStarted = Date.now();
    for (let kill = 0; kill < KILLS; kill += 1) {
      if (kill > 0) server = await startServer(env);
      const base = server.baseUrl;
      const current = new Map<number, Step>();
      let alive = true;

      const lane = async (index: number) => {
        while (alive) {
          if (attempts.length >= orderBudget) {
            await sleep(20);
            continue;
          }
          const card = cards[attempts.length % cards.length] as BenchCard;
          // Mostly successful payments; some the platform takes but whose notification is lost, some
          // declined or cancelled at the cashier, as people do.
          const roll = random();
          const outcome: CashierOutcome =
            roll < 0.7 ? 'success' : roll < 0.8 ? 'timeout' : roll < 0.9 ? 'insufficient_funds' : 'cancel';
          const attempt: Attempt = { idempotencyKey: randomUUID(), card, outcome };
          attempts.push(attempt);
          current.set(index, 'create');
          const order = orderSchema.parse(
            await call('POST', `${base}/api/v1/orders`, {
              token: card.token,
              headers: { 'idempotency-key': attempt.idempotencyKey },
              body: { cardId: card.cardId, amountMinor: AMOUNT_MINOR, method: 'wechatpay' },
            }),
          );
          attempt.orderId = order.id;
          current.set(index, 'pay');
          await call('POST', `${base}/api/v1/orders/${order.id}/pay`, { token: card.token });
          current.set(index, 'confirm');
          const reply = cashierConfirmReplySchema.parse(
            await call('POST', `${base}/api/v1/orders/${order.id}/cashier/confirm`, {
              token: card.token,
              body: { outcome, password: '123456' },
            }),
          );
          attempt.cashierResult = reply.result;
          // The next top-up starts at once: crediting is the server's job, and the kill should find
          // orders at every stage of it as well.
        }
      };
      const lanes = Array.from({ length: LANES }, (_, index) =>
        lane(index).catch((error: unknown) => {
          // A refused connection is the kill itself; an HTTP error status is a finding.
          if (error instanceof HttpError) unexpected.push(error.message);
        }),
      );
      await sleep(KILL_AFTER_MS.min + random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));
      for (const step of current.values()) killedDuring[step] += 1;
      await server.kill();
      alive = false;
      await Promise.all(lanes);
      // What the dead process left half done (read-only: the restart, not the test, recovers the file).
      const left = checkLedger(dataDir, []);
      mostLeftPaid = Math.max(mostLeftPaid, left.byState.paid ?? 0);
      mostLeftUndelivered = Math.max(mostLeftUndelivered, left.pendingNotifications);
    }

    const loopSeconds = (Date.now() - loopStarted) / 1000;
    const lastStart = Date.now();
    server = await startServer(env);
    const base = server.baseUrl;
    // A user whose create reply was lost sends it again with the same key: the order made before the
    // kill comes back, and none is made twice.
    let foundByKey = 0;
    for (const attempt of attempts) {
      const order = orderSchema.parse(
        await call('POST', `${base}/api/v1/orders`, {
          token: attempt.card.token,
          headers: { 'idempotency-key': attempt.idempotencyKey },
          body: { cardId: attempt.card.cardId, amountMinor: AMOUNT_MINOR, method: 'wechatpay' },
        }),
      );
      if (attempt.orderId) expect(order.id).toBe(attempt.orderId);
      else if (Date.parse(order.createdAt) < lastStart) foundByKey += 1;
      attempt.orderId = order.id;
    }

    const replaySeconds = (Date.now() - lastStart) / 1000;
    // Every payment the platform took ends credited: by the notification (retried after its claim
    // lapses), the query job, or the crediting job picking up a killed run.
    const settledBy = Date.now() + SETTLE_TIMEOUT_MS;
    let check = checkLedger(dataDir, []);
    while ((check.paidNotCredited > 0 || (check.byState.paid ?? 0) > 0) && Date.now() < settledBy) {
      await sleep(500);
      check = checkLedger(dataDir, []);
    }
    const settleSeconds = (Date.now() - lastStart) / 1000 - replaySeconds;
    await server.stop();
    server = undefined;

    check = checkLedger(dataDir, []);
    const sqlite = new Database(join(dataDir, 'app.sqlite'), { readonly: true, fileMustExist: true });
    const stateOf = new Map(
      (sqlite.prepare('SELECT id, state FROM orders').all() as Array<{ id: string; state: string }>).map((row) => [
        row.id,
        row.state,
      ]),
    );
    const keysWithTwoOrders = sqlite
      .prepare('SELECT COUNT(*) AS n FROM (SELECT 1 FROM orders GROUP BY user_id, idempotency_key HAVING COUNT(*) > 1)')
      .get() as { n: number };
    sqlite.close();

    console.log(
      `kill-restart (seed ${SEED}): ${KILLS} SIGKILLs with ${LANES} users mid-flow; lanes caught in ` +
        STEPS.map((step) => `${step} ${killedDuring[step]}`).join(', ') +
        `; a kill left up to ${mostLeftPaid} orders paid but not yet credited and up to ${mostLeftUndelivered} ` +
        `notifications not yet delivered; ${attempts.length} attempts, ${check.orders} orders ${JSON.stringify(check.byState)}, ` +
        `${foundByKey} orders made before a kill that took their create reply, found again by their key; ` +
        `kill loop ${loopSeconds.toFixed(0)} s, restart and replay ${replaySeconds.toFixed(0)} s, ` +
        `settling ${settleSeconds.toFixed(0)} s`,
    );
    expect(unexpected).toEqual([]);
    // The kills really landed all over the flow: users at each step, orders between paid and credited.
    for (const step of STEPS) expect(killedDuring[step], step).toBeGreaterThan(0);
    expect(mostLeftPaid).toBeGreaterThan(0);
    expect(mostLeftUndelivered).toBeGreaterThan(0);
    expect(check.integrity).toBe('ok');
    expect(check.foreignKeyViolations).toBe(0);
    expect(keysWithTwoOrders.n).toBe(0);
    // No order lost: every order a user was told about is there.
    for (const attempt of attempts) expect(stateOf.has(attempt.orderId ?? '')).toBe(true);
    // Every "payment succeeded" a user saw is credited.
    const paidSeen = attempts.filter((attempt) => attempt.cashierResult === 'ok');
    expect(paidSeen.length).toBeGreaterThan(KILLS);
    for (const attempt of paidSeen) expect(stateOf.get(attempt.orderId ?? '')).toBe('credited');
    expect(check.paidNotCredited).toBe(0);
    expect(check.creditedNotPaid).toBe(0);
    expect(check.wrongEntries).toBe(0);
    expect(check.wrongBalances).toBe(0);
    expect(check.receipts).toBe(check.byState.credited);
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
