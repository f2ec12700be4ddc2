// @vitest-environment jsdom
import { transactionPageSchema, type Transaction, type TransactionPage } from '@cbc/shared';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, startSession } from '../../src/auth';
import {
  NO_FILTERS,
  useTransactionPages,
  type HistoryFilters,
} from '../../src/components/history/use-transaction-pages';
import { CARD_ID, NOW, session } from '../support/fixtures';
import { flush, renderHook } from '../support/render-hook';
import { onRequest, requests, type Reply, type RequestOptions } from '../setup/taro-stand-in';

const entryId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function page(numbers: number[], nextCursor: string | null): TransactionPage {
  return transactionPageSchema.parse({
    transactions: numbers.map((n): Transaction => ({
      id: entryId(n),
      cardId: CARD_ID,
      cardType: 'zhonggangtong',
      cardNumberMasked: '6288 **** **** 1234',
      kind: 'trip',
      amount: { amountMinor: -1_000 * n, currency: 'CNY' },
      title: `Trip ${n}`,
      receiptNo: `R${n}`,
      orderId: null,
      method: null,
      createdAt: new Date(NOW - n * 60_000).toISOString(),
    })),
    nextCursor,
  });
}

let waiting: { options: RequestOptions; answer: (reply: Reply) => void }[] = [];
const ok = (data: TransactionPage): Reply => ({ statusCode: 200, data });
const offline = { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' };

/** The query the hook sent, as the server reads it. */
const queryOf = (options: RequestOptions | undefined) =>
  Object.fromEntries(new URL(options?.url ?? 'http://x/').searchParams);
const numbers = (entries: Transaction[]) => entries.map((entry) => Number(entry.id.slice(-12)));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  startSession(session());
  waiting = [];
  onRequest((options) => new Promise<Reply>((answer) => waiting.push({ options, answer })));
});

afterEach(async () => {
  await act(async () => {
    endSession();
  });
});

/** Answers the hook's call number `index` (they may be answered out of order) and lets React apply it. */
async function answer(index: number, reply: Reply): Promise<void> {
  const call = waiting[index];
  if (!call) throw new Error(`no call #${index}`);
  call.answer(reply);
  await flush();
}

describe('useTransactionPages', () => {
  it('asks for exactly the filters set, on the card’s route or all cards', async () => {
    const filters: HistoryFilters = { kind: 'topup', from: '2026-11-01', to: null, cardId: CARD_ID };
    await renderHook(() => useTransactionPages(filters, true));
    await renderHook(() => useTransactionPages(NO_FILTERS, true));
    expect(new URL(waiting[0]?.options.url ?? '').pathname).toBe(`/api/v1/cards/${CARD_ID}/transactions`);
    expect(queryOf(waiting[0]?.options)).toEqual({ kind: 'topup', from: '2026-11-01', lang: 'zh-Hans' });
    expect(new URL(waiting[1]?.options.url ?? '').pathname).toBe('/api/v1/transactions');
    expect(queryOf(waiting[1]?.options)).toEqual({ lang: 'zh-Hans' });
  });

  it('loads older pages with the cursor, without repeating an entry, until the last', async () => {
    const { result } = await renderHook(() => useTransactionPages(NO_FILTERS, true));
    expect(result.current.status).toBe('loading');
    await answer(0, ok(page([1, 2, 3], 'c1')));
    expect(result.current).toMatchObject({ status: 'ready', more: 'idle' });
    await act(async () => {
      void result.current.loadMore();
      // A second tap while the page loads is ignored.
      void result.current.loadMore();
    });
    expect(waiting).toHaveLength(2);
    expect(queryOf(waiting[1]?.options).cursor).toBe('c1');
    expect(result.current.more).toBe('loading');
    // An entry that moved across the page boundary comes once.
    await answer(1, ok(page([3, 4, 5], null)));
    expect(numbers(result.current.entries)).toEqual([1, 2, 3, 4, 5]);
    expect(result.current.more).toBe('end');
    await act(async () => result.current.loadMore());
    expect(waiting).toHaveLength(2);
  });

  it('a failed older page can be tried again; the list stays', async () => {
    const { result } = await renderHook(() => useTransactionPages(NO_FILTERS, true));
    await answer(0, ok(page([1], 'c1')));
    await act(async () => {
      void result.current.loadMore();
    });
    waiting[1]?.answer({ statusCode: 503, data: '' });
    await flush();
    expect(result.current).toMatchObject({ more: 'error', status: 'ready' });
    expect(result.current.moreError?.code).toBe('HTTP_ERROR');
    await act(async () => {
      void result.current.loadMore();
    });
    await answer(2, ok(page([2], null)));
    expect(numbers(result.current.entries)).toEqual([1, 2]);
    expect(result.current).toMatchObject({ more: 'end', moreError: null });
  });

  it('a failed refresh keeps the list on screen; a failed first load is the error state', async () => {
    const { result } = await renderHook(() => useTransactionPages(NO_FILTERS, true));
    await answer(0, ok(page([1, 2], null)));
    onRequest(() => Promise.reject(offline));
    await act(async () => result.current.reload());
    expect(result.current).toMatchObject({ status: 'ready' });
    expect(result.current.error?.code).toBe('NETWORK_ERROR');
    expect(numbers(result.current.entries)).toEqual([1, 2]);

    const other = await renderHook(() => useTransactionPages({ ...NO_FILTERS, kind: 'trip' }, true));
    await flush();
    expect(other.result.current).toMatchObject({ status: 'error', entries: [] });
  });

  it('drops the reply for filters the page has moved away from', async () => {
    const { result, rerender } = await renderHook(
      (filters: HistoryFilters) => useTransactionPages(filters, true),
      NO_FILTERS,
    );
    await rerender({ ...NO_FILTERS, kind: 'trip' });
    expect(queryOf(waiting[1]?.options).kind).toBe('trip');
    await answer(1, ok(page([7], null)));
    await answer(0, ok(page([1, 2, 3], null)));
    expect(numbers(result.current.entries)).toEqual([7]);
  });

  it('asks nothing while disabled', async () => {
    const { result } = await renderHook(() => useTransactionPages(NO_FILTERS, false));
    await act(async () => result.current.reload());
    expect(requests).toHaveLength(0);
    expect(result.current.status).toBe('loading');
  });
});
