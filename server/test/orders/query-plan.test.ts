import type { OrderState } from '@cbc/shared';
import { CompiledQuery, sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUE_ORDERS, dueOrdersQuery, type DueOrders } from '../../src/orders/queries';
import { onPostgres } from '../fixtures/database';
import { buildTestApp, type TestApp } from '../helper';

/**
 * The background jobs' queries run every few seconds on every instance: each must come from its partial
 * index. On SQLite, the plan itself; on PostgreSQL, whose planner rightly reads a table this small whole,
 * that the partial indexes can serve the jobs' queries at all (the planner proves the query's states are the index's).
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

async function plan(query: Compilable): Promise<string> {
  const compiled = query.compile();
  const result = await t.app.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
  );
  return result.rows.map((row) => row.detail).join('\n');
}

const now = '2026-12-04T00:00:00.000Z';
const dueCases: Array<[DueOrders, string, string]> = [
  ['expiry', 'orders_due_expiry', 'expires_at'],
  ['credit', 'orders_due_credit', 'credit_due_at'],
  ['query', 'orders_due_query', 'next_query_at'],
];

describe.skipIf(onPostgres)('EXPLAIN QUERY PLAN of the background jobs (SQLite)', () => {
  it.each(dueCases)('finds the %s job’s due orders on its partial index, in its order', async (due, index, column) => {
    const detail = await plan(dueOrdersQuery(t.app.db, due, now, 50));
    expect(detail).toMatch(new RegExp(`^SEARCH orders USING INDEX ${index} \\(${column}<\\?\\)$`));
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('would scan the table if a job’s states were not its index’s (the check can fail)', async () => {
    const states = DUE_ORDERS.credit.states;
    const other = t.app.db
      .selectFrom('orders')
      .select('id')
      .where('state', 'in', [...states, 'paying'])
      .where('creditDueAt', '<=', now)
      .orderBy('creditDueAt');
    expect(await plan(other)).not.toMatch(/orders_due_credit/);
  });
});

describe.skipIf(!onPostgres)('EXPLAIN of the background jobs (PostgreSQL)', () => {
  /** The plan with sequential scans priced out: an index that cannot answer the query is still not used. */
  async function planWithoutSeqScan(query: Compilable): Promise<string> {
    const compiled = query.compile();
    return t.app.db.connection().execute(async (connection) => {
      await sql`set enable_seqscan = off`.execute(connection);
      try {
        const result = await connection.executeQuery<Record<string, string>>(
          CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]),
        );
        return result.rows.map((row) => Object.values(row)[0]).join('\n');
      } finally {
        await sql`reset enable_seqscan`.execute(connection);
      }
    });
  }

  it.each(dueCases)('can find the %s job’s due orders on its partial index', async (due, index) => {
    expect(await planWithoutSeqScan(dueOrdersQuery(t.app.db, due, now, 50))).toContain(`using ${index} on orders`);
  });

  it('cannot use a job’s partial index for other states (the check can fail)', async () => {
    const other = t.app.db
      .selectFrom('orders')
      .select('id')
      .where('state', 'in', [sql.lit<OrderState>('paid'), sql.lit<OrderState>('credited')])
      .where('creditDueAt', '<=', now)
      .orderBy('creditDueAt');
    expect(await planWithoutSeqScan(other)).not.toContain('orders_due_credit');
  });
});
