import { CompiledQuery, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedBetweenQuery } from '../../src/orders/queries';
import { onPostgres } from '../fixtures/database';
import { buildTestApp, type TestApp } from '../helper';

/**
 * The monthly cap's sum runs on every order creation and every top-up page: it must come from the index
 * alone (card, date, state, amount), never from a lookup in the table per order of the month.
 * SQLite's planner only, as in the history pages' plan test.
 */

let t: TestApp;
beforeAll(async () => {
  if (onPostgres) return;
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

describe.skipIf(onPostgres)('EXPLAIN QUERY PLAN of the monthly cap (SQLite)', () => {
  const month = ['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'] as const;

  it('sums a card’s month of orders from the covering index, without reading the table', async () => {
    expect(await plan(orderedBetweenQuery(t.app.db, 'card', ...month))).toMatch(
      /^SEARCH orders USING COVERING INDEX orders_card_month \(card_id=\? AND created_at>\? AND created_at<\?\)$/,
    );
  });

  it('would read the table for a column the index lacks (the check can fail)', async () => {
    const wider = orderedBetweenQuery(t.app.db, 'card', ...month).select('bonusMinor');
    expect(await plan(wider)).toMatch(/^SEARCH orders USING INDEX orders_card_month /);
  });
});
