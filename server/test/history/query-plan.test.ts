import { CompiledQuery, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, type HistoryScope } from '../../src/ledger/cursor';
import {
  entriesQuery,
  sumBeforeQuery,
  sumInOutQuery,
  sumThroughQuery,
  type EntryFilter,
} from '../../src/ledger/history-queries';
import { registerUser } from '../fixtures/accounts';
import { testClock } from '../fixtures/clock';
import { onPostgres } from '../fixtures/database';
import { INSTANT_TOPUP_ENV, verifiedCard } from '../fixtures/topup';
import { buildTestApp, type TestApp } from '../helper';
import { historyPage, topUp, topUpsAtOnce } from './entries';

/**
 * The history pages must be served by the cursor indexes of migration 003 (the card's widened in 013) —
 * a seek to the card's (or user's) entries at the cursor, read backwards in index order — not by a scan of
 * the table, nor by a sort of the scope's rows in a temporary B-tree, so that a deep page costs what the
 * first one does.
 * SQLite's planner only: on PostgreSQL a table this small is rightly read whole, so its plan proves nothing.
 */

const time = testClock('2026-12-02T02:00:00.000Z');
let t: TestApp;
let cardScope: HistoryScope;
let userScope: HistoryScope;
let deepCard: string;
let deepUser: string;
beforeAll(async () => {
  if (onPostgres) return;
  t = await buildTestApp({
    clock: time.clock,
    env: INSTANT_TOPUP_ENV,
  });
  const user = await registerUser(t.app);
  const card = await verifiedCard(t.app, user.auth);
  const other = await verifiedCard(t.app, user.auth);
  for (let i = 0; i < 6; i += 1) await topUp(t.app, time, user.auth, card, 5_000 + i * 100);
  await topUpsAtOnce(t.app, time, user.auth, other, [5_000, 6_000, 7_000]);
  cardScope = { kind: 'card', id: card.id };
  userScope = { kind: 'user', id: user.session.user.id };
  // Real cursors, several pages in.
  const cursorAfter = async (url: string) => {
    let cursor: string | null = null;
    for (let page = 0; page < 4; page += 1) {
      cursor =
        (await historyPage(t.app, user.auth, `${url}?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor ?? null;
    }
    if (!cursor) throw new Error('no deep cursor');
    return cursor;
  };
  deepCard = await cursorAfter(`/api/v1/cards/${card.id}/transactions`);
  deepUser = await cursorAfter('/api/v1/transactions');
});
afterAll(() => t?.close());

async function plan(query: Compilable): Promise<string[]> {
  const compiled = query.compile();
  const result = await t.app.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
  );
  return result.rows.map((row) => row.detail);
}

const PAGE = 21;

describe.skipIf(onPostgres)('EXPLAIN QUERY PLAN of the history pages (SQLite)', () => {
  const cases: Array<[string, () => EntryFilter, string, RegExp]> = [
    ['card, first page', () => ({ scope: cardScope }), 'ledger_entries_card_cursor', /\(card_id=\?\)/],
    [
      'card, deep page',
      () => ({ scope: cardScope, before: decodeCursor(deepCard, cardScope) }),
      'ledger_entries_card_cursor',
      /\(card_id=\? AND \(created_at,id\)<\(\?,\?\)\)/,
    ],
    ['all cards, first page', () => ({ scope: userScope }), 'ledger_entries_user_cursor', /\(user_id=\?\)/],
    [
      'all cards, deep page',
      () => ({ scope: userScope, before: decodeCursor(deepUser, userScope) }),
      'ledger_entries_user_cursor',
      /\(user_id=\? AND \(created_at,id\)<\(\?,\?\)\)/,
    ],
    [
      'card, deep page with kind and day filters',
      () => ({
        scope: cardScope,
        before: decodeCursor(deepCard, cardScope),
        kinds: ['topup', 'trip'],
        since: '2026-11-30T16:00:00.000Z',
        until: '2026-12-31T16:00:00.000Z',
      }),
      'ledger_entries_card_cursor',
      /\(card_id=\? AND created_at>\? AND \(created_at,id\)<\(\?,\?\)\)/,
    ],
    [
      'all cards, first page with a day range',
      () => ({ scope: userScope, since: '2026-11-30T16:00:00.000Z', until: '2026-12-31T16:00:00.000Z' }),
      'ledger_entries_user_cursor',
      /\(user_id=\? AND created_at>\? AND created_at<\?\)/,
    ],
  ];

  it.each(cases)('%s: a seek on the cursor index, no scan, no sort', async (_name, filter, index, constraint) => {
    const details = await plan(entriesQuery(t.app.db, filter()).limit(PAGE));
    expect(details).toHaveLength(1);
    const [detail] = details;
    expect(detail).toMatch(new RegExp(`^SEARCH ledger_entries USING INDEX ${index} `));
    expect(detail).toMatch(constraint);
    expect(details.join('\n')).not.toMatch(/TEMP B-TREE|^SCAN/m);
  });

  it('would sort in a temporary B-tree if the order did not match the index (the check can fail)', async () => {
    const wrong = entriesQuery(t.app.db, { scope: cardScope }).clearOrderBy().orderBy('amountMinor', 'desc');
    expect((await plan(wrong)).join('\n')).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  // A balance sums the card's whole life: the amounts must come from the index, not from the table per entry.
  it('sums a card’s entries up to an entry (balance after), before a month (opening) and within it from the card index alone', async () => {
    const position = decodeCursor(deepCard, cardScope);
    const through = await plan(sumThroughQuery(t.app.db, cardScope.id, position));
    expect(through.join('\n')).toMatch(
      /^SEARCH ledger_entries USING COVERING INDEX ledger_entries_card_cursor \(card_id=\? AND \(created_at,id\)<\(\?,\?\)\)$/,
    );
    const before = await plan(sumBeforeQuery(t.app.db, cardScope.id, '2026-11-30T16:00:00.000Z'));
    expect(before.join('\n')).toMatch(
      /^SEARCH ledger_entries USING COVERING INDEX ledger_entries_card_cursor \(card_id=\? AND created_at<\?\)$/,
    );
    const month = await plan(
      sumInOutQuery(t.app.db, cardScope.id, '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'),
    );
    expect(month.join('\n')).toMatch(
      /^SEARCH ledger_entries USING COVERING INDEX ledger_entries_card_cursor \(card_id=\? AND created_at>\? AND created_at<\?\)$/,
    );
  });

  it('would read the table for each entry if the sum needed a column the index lacks (the check can fail)', async () => {
    const position = decodeCursor(deepCard, cardScope);
    const withKind = sumThroughQuery(t.app.db, cardScope.id, position).where('kind', '=', 'trip');
    expect((await plan(withKind)).join('\n')).toMatch(/^SEARCH ledger_entries USING INDEX ledger_entries_card_cursor /);
  });
});
