// @vitest-environment jsdom
import type { Order } from '@cbc/shared';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, startSession } from '../../src/auth';
import { POLL_FIRST_MS, POLL_MAX_MS, usePolledOrder } from '../../src/packages/topup/components/use-polled-order';
import { NOW, ORDER_ID, order, session } from '../support/fixtures';
import { renderHook } from '../support/render-hook';
import { hidePage, onRequest, requests, showPage, type Reply } from '../setup/taro-stand-in';

// Fake timers: the schedule is read off the fake clock, so nothing here depends on how fast the machine is.

/** Fake-clock times (ms after the hook mounted) at which the order was fetched. */
let fetchedAt: number[] = [];
let answer: () => Reply | Promise<Reply> = () => ({ statusCode: 200, data: order('paid') });

const gaps = () => fetchedAt.slice(1).map((at, i) => at - (fetchedAt[i] ?? 0));
const canMove = (o: Order) => o.state === 'paid' || o.state === 'paying';

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  startSession(session());
  fetchedAt = [];
  answer = () => ({ statusCode: 200, data: order('paid') });
  onRequest(() => {
    fetchedAt.push(Date.now() - NOW);
    return answer();
  });
});

afterEach(async () => {
  await act(async () => {
    endSession();
  });
});

describe('usePolledOrder', () => {
  it('re-checks after 1 s, then 1.5× longer each time, never more than 5 s apart', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    expect(result.current).toMatchObject({ status: 'ready', polling: true, error: null });
    expect(requests[0]?.options.url).toContain(`/api/v1/orders/${ORDER_ID}?`);
    await advance(30_000);
    expect(POLL_FIRST_MS).toBe(1_000);
    expect(POLL_MAX_MS).toBe(5_000);
    expect(gaps().slice(0, 7)).toEqual([1_000, 1_500, 2_250, 3_375, 5_000, 5_000, 5_000]);
  });

  it('stops at a final state', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    await advance(1_000 + 1_500);
    answer = () => ({ statusCode: 200, data: order('credited') });
    await advance(2_250);
    expect(result.current.order?.state).toBe('credited');
    expect(result.current.polling).toBe(false);
    const count = fetchedAt.length;
    await advance(60_000);
    expect(fetchedAt).toHaveLength(count);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pauses while the page is hidden and resumes from the short interval when it shows', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    await advance(1_000 + 1_500 + 2_250);
    expect(fetchedAt).toHaveLength(4);
    await act(async () => {
      hidePage();
    });
    expect(result.current.polling).toBe(false);
    await advance(60_000);
    expect(fetchedAt).toHaveLength(4);
    await act(async () => {
      showPage();
    });
    // Fetched at once on showing, then the schedule starts over.
    expect(fetchedAt).toHaveLength(5);
    await advance(1_000 + 1_500);
    expect(gaps().slice(4)).toEqual([1_000, 1_500]);
    expect(result.current.polling).toBe(true);
  });

  it('retries a lost connection while an order is on screen, keeping the order shown', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    answer = () => Promise.reject({ errMsg: 'request:fail timeout' });
    await advance(1_000);
    expect(result.current).toMatchObject({ status: 'ready', polling: true });
    expect(result.current.order?.state).toBe('paid');
    expect(result.current.error?.code).toBe('TIMEOUT');
    answer = () => ({ statusCode: 200, data: order('credited') });
    await advance(1_500);
    expect(result.current).toMatchObject({ status: 'ready', error: null, polling: false });
    expect(result.current.order?.state).toBe('credited');
  });

  it('does not retry by itself an error that retrying cannot fix', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    answer = () => ({ statusCode: 404, data: { error: { code: 'ORDER_NOT_FOUND', message: 'No such order' } } });
    await advance(1_000);
    expect(result.current.error?.code).toBe('ORDER_NOT_FOUND');
    expect(result.current.polling).toBe(false);
    await advance(60_000);
    expect(fetchedAt).toHaveLength(2);
  });

  it('a first fetch that fails is the error state, until Retry', async () => {
    answer = () => Promise.reject({ errMsg: 'request:fail net::ERR_CONNECTION_RESET' });
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    expect(result.current).toMatchObject({ status: 'error', order: undefined, polling: false });
    await advance(60_000);
    expect(fetchedAt).toHaveLength(1);
    answer = () => ({ statusCode: 200, data: order('paid') });
    await act(async () => {
      result.current.reload();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(result.current).toMatchObject({ status: 'ready', polling: true });
  });

  it('reload starts the schedule over from the short interval', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    await advance(1_000 + 1_500 + 2_250 + 3_375);
    await act(async () => {
      result.current.reload();
      await vi.advanceTimersByTimeAsync(0);
    });
    await advance(1_000 + 1_500);
    expect(gaps()).toEqual([1_000, 1_500, 2_250, 3_375, 0, 1_000, 1_500]);
  });

  it('never shows one user’s order to the next user who logs in on the same page', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    expect(result.current.order?.id).toBe(ORDER_ID);
    await act(async () => {
      endSession();
    });
    // The other account has no such order.
    answer = () => ({ statusCode: 404, data: { error: { code: 'ORDER_NOT_FOUND', message: 'No such order' } } });
    await act(async () => {
      startSession(session('user-2'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(result.current).toMatchObject({ order: undefined, status: 'error', polling: false });
    expect(result.current.error?.code).toBe('ORDER_NOT_FOUND');
    expect(requests.at(-1)?.options.header?.Authorization).toBe('Bearer token-of-user-2');
  });

  it('for the next user, a failed first fetch is the error state, not an order retried in the background', async () => {
    const { result } = await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    await act(async () => {
      endSession();
    });
    answer = () => Promise.reject({ errMsg: 'request:fail timeout' });
    await act(async () => {
      startSession(session('user-2'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(result.current).toMatchObject({ order: undefined, status: 'error', polling: false });
    const count = fetchedAt.length;
    await advance(60_000);
    expect(fetchedAt).toHaveLength(count);
  });

  it('fetches nothing without an id or while logged out', async () => {
    await renderHook(() => usePolledOrder(null, canMove));
    await act(async () => {
      endSession();
    });
    await renderHook(() => usePolledOrder(ORDER_ID, canMove));
    await advance(10_000);
    expect(requests).toHaveLength(0);
  });
});
