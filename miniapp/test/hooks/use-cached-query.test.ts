// @vitest-environment jsdom
import { api } from '@cbc/shared';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCachedQuery } from '../../src/api';
import { cacheKey, isCacheable, readCachedReply, writeCachedReply } from '../../src/api/cache';
import { planRequest, type EndpointName } from '../../src/api/client';
import { endSession, startSession } from '../../src/auth';
import { STORAGE_KEYS } from '../../src/constants/storage-keys';
import { useI18n } from '../../src/i18n';
import { cardList, guideList, NOW, session } from '../support/fixtures';
import { flush, renderHook } from '../support/render-hook';
import { onRequest, requests, storedEntries, type Reply, type RequestOptions } from '../setup/taro-stand-in';

const GUIDES_ZH = 'cbc.cache.v1:/api/v1/guides?card=yuanyou&lang=zh-Hans';
const SAVED_AT = NOW - 3 * 86_400_000;

/** Replies the test hands out one by one, in any order, to the calls the hook made. */
function pendingReplies() {
  const waiting: { options: RequestOptions; answer: (reply: Reply) => void }[] = [];
  onRequest((options) => new Promise<Reply>((answer) => waiting.push({ options, answer })));
  return waiting;
}

const failOffline = () => onRequest(() => Promise.reject({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(async () => {
  // Inside act: hooks of the test may still be mounted and re-render on logout.
  await act(async () => {
    endSession();
  });
});

describe('the offline cache', () => {
  it('saves only public reads, keyed by the request with its language', () => {
    const cacheable = (Object.keys(api) as EndpointName[]).filter(isCacheable);
    expect(cacheable.sort()).toEqual(['getGuide', 'health', 'listChannels', 'listGuides']);
    const zh = planRequest('listGuides', { query: { card: 'yuanyou' } }, 'zh-Hans');
    expect(cacheKey(zh)).toBe(GUIDES_ZH);
    expect(writeCachedReply(zh, guideList())).toBe(NOW);
    expect(storedEntries().get(GUIDES_ZH)).toEqual({ savedAt: NOW, data: guideList() });
    expect(readCachedReply(zh)).toEqual({ savedAt: NOW, data: guideList() });
    expect(readCachedReply(planRequest('listGuides', { query: { card: 'yuanyou' } }, 'en'))).toBeUndefined();
  });

  it('never stores a reply that depends on who asks', () => {
    startSession(session());
    const cards = planRequest('listCards', {}, 'zh-Hans');
    writeCachedReply(cards, cardList());
    expect([...storedEntries().keys()].filter((key) => key.startsWith(STORAGE_KEYS.cachePrefix))).toEqual([]);
    // Even one planted by hand is not read back.
    storedEntries().set(cacheKey(cards), { savedAt: NOW, data: cardList() });
    expect(readCachedReply(cards)).toBeUndefined();
  });

  it('ignores a saved copy this version cannot read', () => {
    const plan = planRequest('listGuides', { query: { card: 'yuanyou' } }, 'zh-Hans');
    for (const stored of [{ savedAt: NOW, data: { guides: 'old shape' } }, { data: guideList() }, 'text', null]) {
      storedEntries().set(GUIDES_ZH, stored);
      expect(readCachedReply(plan)).toBeUndefined();
    }
  });
});

describe('useCachedQuery', () => {
  it('with nothing saved: loading, then the reply, which it saves for next time', async () => {
    const replies = pendingReplies();
    const { result } = await renderHook(() => useCachedQuery('listGuides', { query: { card: 'yuanyou' } }));
    expect(result.current).toMatchObject({ status: 'loading', data: undefined, refreshing: true, fromCache: false });
    expect(requests[0]?.options.url).toBe('https://api.example.test/api/v1/guides?card=yuanyou&lang=zh-Hans');
    replies[0]?.answer({ statusCode: 200, data: guideList() });
    await flush();
    expect(result.current).toMatchObject({
      status: 'ready',
      data: guideList(),
      error: null,
      fromCache: false,
      cachedAt: NOW,
      refreshing: false,
    });
    expect(storedEntries().get(GUIDES_ZH)).toEqual({ savedAt: NOW, data: guideList() });
  });

  it('shows the saved copy at once, then the fresh reply', async () => {
    storedEntries().set(GUIDES_ZH, { savedAt: SAVED_AT, data: guideList('旧标题') });
    const replies = pendingReplies();
    const { result } = await renderHook(() => useCachedQuery('listGuides', { query: { card: 'yuanyou' } }));
    expect(result.current).toMatchObject({ status: 'ready', fromCache: true, cachedAt: SAVED_AT, refreshing: true });
    expect(result.current.data?.guides[0]?.title).toBe('旧标题');
    replies[0]?.answer({ statusCode: 200, data: guideList('新标题') });
    await flush();
    expect(result.current).toMatchObject({ fromCache: false, cachedAt: NOW, refreshing: false, error: null });
    expect(result.current.data?.guides[0]?.title).toBe('新标题');
  });

  it('offline: keeps the saved copy, says how old it is, and reports the failure', async () => {
    storedEntries().set(GUIDES_ZH, { savedAt: SAVED_AT, data: guideList() });
    failOffline();
    const { result } = await renderHook(() => useCachedQuery('listGuides', { query: { card: 'yuanyou' } }));
    await flush();
    expect(result.current).toMatchObject({
      status: 'ready',
      data: guideList(),
      fromCache: true,
      cachedAt: SAVED_AT,
      refreshing: false,
    });
    expect(result.current.error?.code).toBe('NETWORK_ERROR');
    // The stale copy is not rewritten as if it were fresh.
    expect(storedEntries().get(GUIDES_ZH)).toEqual({ savedAt: SAVED_AT, data: guideList() });
  });

  it('offline with nothing saved: the error state; a retry that works brings the data', async () => {
    failOffline();
    const { result } = await renderHook(() => useCachedQuery('listGuides', { query: { card: 'yuanyou' } }));
    await flush();
    expect(result.current).toMatchObject({ status: 'error', data: undefined, refreshing: false });
    expect(result.current.error?.code).toBe('NETWORK_ERROR');
    const replies = pendingReplies();
    let reloaded: Promise<void> = Promise.resolve();
    await act(async () => {
      reloaded = result.current.reload();
    });
    expect(result.current).toMatchObject({ status: 'loading', error: null, refreshing: true });
    replies[0]?.answer({ statusCode: 200, data: guideList() });
    await act(async () => {
      await reloaded;
    });
    expect(result.current).toMatchObject({ status: 'ready', data: guideList(), error: null });
  });

  it('uses only a copy saved in the same language, and drops a reply for the language left', async () => {
    storedEntries().set('cbc.cache.v1:/api/v1/guides?card=yuanyou&lang=zh-Hant', {
      savedAt: SAVED_AT,
      data: guideList('繁體'),
    });
    const replies = pendingReplies();
    const { result } = await renderHook(() => ({
      query: useCachedQuery('listGuides', { query: { card: 'yuanyou' } }),
      i18n: useI18n(),
    }));
    expect(result.current.query.status).toBe('loading');
    await act(async () => {
      result.current.i18n.setLang('zh-Hant');
    });
    expect(result.current.query).toMatchObject({ status: 'ready', fromCache: true, cachedAt: SAVED_AT });
    expect(replies.map((reply) => reply.options.url.split('lang=')[1])).toEqual(['zh-Hans', 'zh-Hant']);
    // The Simplified reply lands late: the page is Traditional now.
    replies[0]?.answer({ statusCode: 200, data: guideList('简体') });
    await flush();
    expect(result.current.query.data?.guides[0]?.title).toBe('繁體');
    replies[1]?.answer({ statusCode: 200, data: guideList('繁體新') });
    await flush();
    expect(result.current.query.data?.guides[0]?.title).toBe('繁體新');
  });

  it('waits while it has no arguments, and while logged out for an endpoint that needs login', async () => {
    const replies = pendingReplies();
    const guides = await renderHook(() => useCachedQuery('getGuide', null));
    const cards = await renderHook(() => useCachedQuery('listCards', {}));
    for (const { result } of [guides, cards]) {
      expect(result.current).toMatchObject({ status: 'loading', refreshing: false, data: undefined });
    }
    expect(requests).toHaveLength(0);
    await act(async () => {
      startSession(session('user-1', 'token-1'));
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.options.header?.Authorization).toBe('Bearer token-1');
  });

  it('fetches again for another user and never shows one user’s cards to the next', async () => {
    startSession(session('user-1', 'token-1'));
    const replies = pendingReplies();
    const { result } = await renderHook(() => useCachedQuery('listCards', {}));
    await act(async () => {
      startSession(session('user-2', 'token-2'));
    });
    expect(replies.map((reply) => reply.options.header?.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(result.current).toMatchObject({ status: 'loading', data: undefined });
    replies[1]?.answer({ statusCode: 200, data: cardList('8852 **** **** 0002') });
    await flush();
    // User 1's reply arrives after user 2's: dropped.
    replies[0]?.answer({ statusCode: 200, data: cardList('6288 **** **** 0001') });
    await flush();
    expect(result.current.data?.cards[0]?.numberMasked).toBe('8852 **** **** 0002');
    expect([...storedEntries().keys()].some((key) => key.startsWith(STORAGE_KEYS.cachePrefix))).toBe(false);
    // Logging out clears what was shown for the user.
    await act(async () => {
      endSession();
    });
    expect(result.current).toMatchObject({ data: undefined, status: 'loading', refreshing: false });
  });
});
