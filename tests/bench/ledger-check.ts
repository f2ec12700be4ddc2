import { join } from 'node:path';
import Database from 'better-sqlite3';
import { percentile } from './report';

/**
 * After the server has stopped: its SQLite file, opened read-only, must be intact and show every order
 * the simulated platform was paid for credited exactly once (and no other), every card's balance equal
 * to its ledger, one SMS receipt per credited order. Also the server's own view of the notification
 * step (paid on the platform → credited). The bench and the fault suite both end with it.
 */
export interface LedgerCheck {
  orders: number;
  byState: Record<string, number>;
  /** Credited orders without exactly one top-up entry, and other orders with any entry. */
  wrongEntries: number;
  /** Cards whose balance is not the sum of their entries. */
  wrongBalances: number;
  receipts: number;
  /** Notifications that needed more than one attempt. */
  retriedNotifications: number;
  /** Notifications the simulated platform still has to deliver. */
  pendingNotifications: number;
  /** Platform success time → order credited, in ms, as the server recorded them. */
  paidToCredited: { p50: number | null; p99: number | null };
  /** The bench's orders are exactly the database's, and every one is credited. */
  allCredited: boolean;
  /** `PRAGMA integrity_check`: 'ok' for an intact file. */
  integrity: string;
  foreignKeyViolations: number;
  /** Payments the simulated platform took whose order is not credited (money taken, nothing given). */
  paidNotCredited: number;
  /** Credited orders the platform has no successful payment for (something given for nothing). */
  creditedNotPaid: number;
  /** Ledger invariants: entries, balances and receipts agree with the orders' states and the platform's payments. */
  ok: boolean;
}

export function checkLedger(dataDir: string, orderIds: readonly string[]): LedgerCheck {
  const db = new Database(join(dataDir, 'app.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

    const byState: Record<string, number> = {};
    for (const row of all<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM orders GROUP BY state')) {
      byState[row.state] = row.n;
    }
    const orders = one<{ n: number }>('SELECT COUNT(*) AS n FROM orders').n;
    const wrongEntries = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM orders o
       WHERE (SELECT COUNT(*) FROM ledger_entries e WHERE e.order_id = o.id AND e.kind = 'topup')
             <> CASE o.state WHEN 'credited' THEN 1 ELSE 0 END
          OR (SELECT COALESCE(SUM(e.amount_minor), 0) FROM ledger_entries e WHERE e.order_id = o.id)
             <> CASE o.state WHEN 'credited' THEN o.total_minor ELSE 0 END`,
    ).n;
    const wrongBalances = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM cards c
       WHERE c.balance_minor <> (SELECT COALESCE(SUM(e.amount_minor), 0) FROM ledger_entries e WHERE e.card_id = c.id)`,
    ).n;
    const receipts = one<{ n: number }>("SELECT COUNT(*) AS n FROM messages WHERE kind = 'topup_sms'").n;
    const retriedNotifications = one<{ n: number }>('SELECT COUNT(*) AS n FROM sim_notifications WHERE attempts > 1').n;
    const pendingNotifications = one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM sim_notifications WHERE state = 'pending'",
    ).n;
    const latencies = all<{ ms: number }>(
      `SELECT (julianday(o.credited_at) - julianday(p.success_time)) * 86400000.0 AS ms
       FROM orders o JOIN sim_payments p ON p.out_trade_no = o.out_trade_no AND p.provider = 'wechatpay'
       WHERE o.state = 'credited'`,
    ).map((row) => row.ms);
    const credited = byState.credited ?? 0;
    const integrity = all<{ integrity_check: string }>('PRAGMA integrity_check')
      .map((row) => row.integrity_check)
      .join('; ');
    const foreignKeyViolations = all('PRAGMA foreign_key_check').length;
    const paidNotCredited = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM sim_payments p LEFT JOIN orders o ON o.out_trade_no = p.out_trade_no
       WHERE p.state = 'SUCCESS' AND (o.id IS NULL OR o.state <> 'credited')`,
    ).n;
    const creditedNotPaid = one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM orders o LEFT JOIN sim_payments p ON p.out_trade_no = o.out_trade_no
       WHERE o.state = 'credited' AND (p.id IS NULL OR p.state <> 'SUCCESS')`,
    ).n;
    return {
      orders,
      byState,
      wrongEntries,
      wrongBalances,
      receipts,
      retriedNotifications,
      pendingNotifications,
      paidToCredited: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      allCredited: orders === orderIds.length && credited === orders,
      integrity,
      foreignKeyViolations,
      paidNotCredited,
      creditedNotPaid,
      ok:
        wrongEntries === 0 &&
        wrongBalances === 0 &&
        receipts === credited &&
        integrity === 'ok' &&
        foreignKeyViolations === 0 &&
        paidNotCredited === 0 &&
        creditedNotPaid === 0,
    };
  } finally {
    db.close();
  }
}
