// @vitest-environment jsdom
import { transactionPageSchema } from '@cbc/shared';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request, useCachedQuery } from '../../src/api';
import { planRequest } from '../../src/api/client';
import { endSession, startSession } from '../../src/auth';
import { EARLY_REPLIES_GLOBAL, type EarlyEntry, type EarlyReply, type EarlyStore } from '../../src/boot/early-store';
import { NO_FILTERS, useTransactionPages } from '../../src/components/history/use-transaction-pages';
import { CARD_ID, cardList, guideList, NOW, session } from '../support/fixtures';
import { flush, renderHook } from '../support/render-hook';
import { onRequest, requests, storedEntries } from '../setup/taro-stand-in';

// The h5 build's module, as the browser build resolves it (the mini program has no early replies).
vi.mock('../../src/api/early-replies', async () => await import('../../src/api/early-replies.h5'));

const GUIDES_KEY = '/api/v1/guides?card=yuanyou&lang=zh-Hans';
const CARDS_KEY = '/api/v1/cards?lang=zh-Hans';

/** What the boot script leaves: a call sent at `sentAt`, its reply in or on its way. */
function plant(
  key: string,
  reply: Promise<EarlyReply>,
  options: { token?: string; sentAt?: number; settled?: EarlyReply; endpoint?: string } = {},
) {
  const store = ((window as unknown as Record<string, EarlyStore>)[EARLY_REPLIES_GLOBAL] ??= {});
  const endpoint = options.endpoint ?? (key.startsWith('/api/v1/cards') ? 'listCards' : 'listGuides');
  const entry: EarlyEntry = { endpoint, sentAt: options.sentAt ?? NOW, token: options.token ?? '', reply };
  if (options.settled) entry.settled = options.settled;
  store[key] = entry;
  return store;
}

function settled(reply: EarlyReply) {
  return plant(GUIDES_KEY, Promise.resolve(reply), { settled: reply });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  onRequest(async () => ({ statusCode: 200, data: guideList('从服务器') }));
});

afterEach(async () => {
  delete (window as unknown as Record<string, unknown>)[EARLY_REPLIES_GLOBAL];
  await act(async () => {
    endSession();
  });
});

describe('replies the boot script fetched early (h5)', () => {
  it('a reply already in shows on the first render, is not asked for again, and is saved for offline', async () => {
    const store = settled({ statusCode: 200, data: guideList('早到') });
    const { result } = await renderHook(() => useCachedQuery('listGuides', { query: { card: 'yuanyou' } }));
    expect(result.current).toMatchObject({ status: 'ready', fromCache: false, refreshing: false, cachedAt: NOW });
    expect(result.current.data?.guides[0]?.title).toBe('早到');
    await flush();
    expect(requests).toHaveLength(0);
    expect(storedEntries().get(`cbc.cache.v1:${GUIDES_KEY}`)).toEqual({ savedAt: NOW, data: guideList('早到') });
    expect(store[GUIDES_KEY]).toBeUndefined();
  });

  it('a reply still on its way is waited for instead of asking again', async () => {
    let answer: (reply: EarlyReply) => void = () => undefined;
    plant(GUIDES_KEY, new Promise<EarlyReply>((resolve) => (answer = resolve)));
    const { result } = await renderHook(() => useCachedQuery('listGuides', { query: { card: 'yuanyou' } }));
    expect(result.current).toMatchObject({ status: 'loading', refreshing: true });
    answer({ statusCode: 200, data: guideList('路上') });
    await flush();
    expect(result.current).toMatchObject({ status: 'ready', fromCache: false });
    expect(result.current.data?.guides[0]?.title).toBe('路上');
    expect(requests).toHaveLength(0);
  });

  it('each is used once: the next call of the same URL asks the server', async () => {
    settled({ statusCode: 200, data: guideList('早到') });
    const plan = planRequest('listGuides', { query: { card: 'yuanyou' } }, 'zh-Hans');
    expect(plan.key).toBe(GUIDES_KEY);
    const first = await request('listGuides', { query: { card: 'yuanyou' }, lang: 'zh-Hans' });
    const second = await request('listGuides', { query: { card: 'yuanyou' }, lang: 'zh-Hans' });
    expect([first.guides[0]?.title, second.guides[0]?.title]).toEqual(['早到', '从服务器']);
    expect(requests).toHaveLength(1);
  });

  it('a failed early call is asked again; a malformed reply is read like any other', async () => {
    plant(GUIDES_KEY, Promise.reject(new TypeError('Failed to fetch')));
    expect((await request('listGuides', { query: { card: 'yuanyou' }, lang: 'zh-Hans' })).guides[0]?.title).toBe(
      '从服务器',
    );
    expect(requests).toHaveLength(1);
    // Not a guide list: the first render does not take it; the call reads it like any reply from the server.
    settled({ statusCode: 200, data: { guides: 'no' } });
    const { result, history } = await renderHook(() => useCachedQuery('listGuides', { query: { card: 'yuanyou' } }));
    await flush();
    expect(history[0]?.status).toBe('loading');
    expect(result.current.error?.code).toBe('BAD_REPLY');
    expect(requests).toHaveLength(1);
  });

  it('one sent long ago (a tab left open) is not used', async () => {
    plant(GUIDES_KEY, Promise.resolve({ statusCode: 200, data: guideList('旧') }), { sentAt: NOW - 31_000 });
    expect((await request('listGuides', { query: { card: 'yuanyou' }, lang: 'zh-Hans' })).guides[0]?.title).toBe(
      '从服务器',
    );
  });

  it('a reply that depends on who asks is used only by the session that asked', async () => {
    onRequest(async () => ({ statusCode: 200, data: cardList('6288 **** **** 9999') }));
    startSession(session('user-2'));
    const early = { statusCode: 200, data: cardList('6288 **** **** 1111') };
    plant(CARDS_KEY, Promise.resolve(early), { token: session('user-1').token, settled: early });
    const { result } = await renderHook(() => useCachedQuery('listCards', {}));
    await flush();
    expect(result.current.data?.cards[0]?.numberMasked).toBe('6288 **** **** 9999');
    expect(requests).toHaveLength(1);
    // The same reply for the session it was sent with is taken.
    plant(CARDS_KEY, Promise.resolve(early), { token: session('user-2').token, settled: early });
    expect((await request('listCards', { lang: 'zh-Hans' })).cards[0]?.numberMasked).toBe('6288 **** **** 1111');
    expect(requests).toHaveLength(1);
  });

  it('History: a first page already in is on screen from the first render; a refresh asks the server', async () => {
    startSession(session());
    const firstPage = transactionPageSchema.parse({
      transactions: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          cardId: CARD_ID,
          cardType: 'zhonggangtong',
          cardNumberMasked: '6288 **** **** 1234',
          kind: 'trip',
          amount: { amountMinor: -2_500, currency: 'CNY' },
          title: '皇岗 → 东莞',
          receiptNo: 'R1',
          orderId: null,
          method: null,
          createdAt: new Date(NOW - 60_000).toISOString(),
        },
      ],
      nextCursor: null,
    });
    const early = { statusCode: 200, data: firstPage };
    plant('/api/v1/transactions?lang=zh-Hans', Promise.resolve(early), {
      endpoint: 'listTransactions',
      token: session().token,
      settled: early,
    });
    onRequest(async () => ({ statusCode: 200, data: { transactions: [], nextCursor: null } }));
    const { result, history } = await renderHook(() => useTransactionPages(NO_FILTERS, true));
    await flush();
    expect(history[0]).toMatchObject({ status: 'ready', more: 'end' });
    expect(history[0]?.entries.map((entry) => entry.title)).toEqual(['皇岗 → 东莞']);
    expect(requests).toHaveLength(0);
    await act(async () => {
      await result.current.reload();
    });
    expect(requests).toHaveLength(1);
    expect(result.current.entries).toEqual([]);
  });
});
