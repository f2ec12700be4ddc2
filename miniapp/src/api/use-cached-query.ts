import { useCallback, useEffect, useMemo, useState } from 'react';
import { routes, type Route } from '@cbc/shared/contracts/routes';
import { useSession } from '../auth/use-session';
import { useI18n } from '../i18n';
import { toApiError, type ApiError } from './api-error';
import { readCachedReply, writeCachedReply } from './cache';
import {
  planRequest,
  send,
  takeEarlyReplyNow,
  type EndpointName,
  type Reply,
  type RequestArgs,
  type RequestPlan,
} from './client';

export type QueryStatus = 'loading' | 'ready' | 'error';

export interface CachedQuery<T> {
  /** The freshest data we have: fetched now, or the saved copy. */
  data: T | undefined;
  /** loading: nothing to show yet; ready: `data` is set; error: nothing to show and the fetch failed. */
  status: QueryStatus;
  /** The last fetch's failure (with `data` set, the page shows the saved copy and an offline banner). */
  error: ApiError | null;
  /** `data` is the saved copy, not (yet) confirmed by the server. */
  fromCache: boolean;
  /** When `data` was saved (epoch ms). */
  cachedAt: number | null;
  /** A fetch is in flight. */
  refreshing: boolean;
  /** Fetches again; resolves when done (never rejects: the outcome is in the state). */
  reload: () => Promise<void>;
}

interface Snapshot<T> {
  /** The call's identity: its cache key, plus the session for endpoints whose reply depends on who asks. */
  key: string | null;
  data: T | undefined;
  status: QueryStatus;
  error: ApiError | null;
  fromCache: boolean;
  cachedAt: number | null;
  refreshing: boolean;
  /** `data` is the reply the h5 boot script fetched for this very call: nothing to ask for on mount. */
  fromEarlyReply: boolean;
}

function startSnapshot<N extends EndpointName>(
  plan: RequestPlan<N> | null,
  identity: string | null,
  token: string | undefined,
): Snapshot<Reply<N>> {
  const early = plan ? takeEarlyReplyNow(plan, token) : undefined;
  if (early !== undefined) {
    return {
      key: identity,
      data: early,
      status: 'ready',
      error: null,
      fromCache: false,
      cachedAt: Date.now(),
      refreshing: false,
      fromEarlyReply: true,
    };
  }
  const cached = plan ? readCachedReply(plan) : undefined;
  return {
    key: identity,
    data: cached?.data,
    status: cached ? 'ready' : 'loading',
    error: null,
    fromCache: cached !== undefined,
    cachedAt: cached?.savedAt ?? null,
    refreshing: plan !== null,
    fromEarlyReply: false,
  };
}

type Update<T> = (previous: Snapshot<T>) => Snapshot<T>;

/** Fetches a call and describes, without touching React state, how its outcome changes the snapshot. */
async function settle<N extends EndpointName>(target: RequestPlan<N>, identity: string): Promise<Update<Reply<N>>> {
  let next: Update<Reply<N>>;
  try {
    const data = await send(target);
    const savedAt = writeCachedReply(target, data);
    next = () => ({
      key: identity,
      data,
      status: 'ready',
      error: null,
      fromCache: false,
      cachedAt: savedAt,
      refreshing: false,
      fromEarlyReply: false,
    });
  } catch (caught) {
    const error = toApiError(caught);
    next = (previous) =>
      previous.data !== undefined
        ? { ...previous, error, fromCache: true, refreshing: false }
        : { ...previous, status: 'error', error, refreshing: false };
  }
  // A reply for a call the page has moved away from (other card, slug, language or user) is dropped.
  return (previous) => (previous.key === identity ? next(previous) : previous);
}

/**
 * Cache-then-network: a saved copy of the same call (same URL and language) shows at once, the fetch
 * replaces it when it succeeds, and a failed fetch keeps it (with `error` set for the offline banner).
 * With nothing saved, a failure is the error state. Pass `null` args to wait (e.g. no slug yet).
 *
 * Endpoints with `auth` (cards, messages) are network-only (see `isCacheable`) and fetched again
 * when the session changes; one that requires login waits while logged out.
 */
export function useCachedQuery<N extends EndpointName>(
  endpoint: N,
  args: RequestArgs<N> | null,
): CachedQuery<Reply<N>> {
  const { lang } = useI18n();
  const { session } = useSession();
  // From the routes, not the contracts: on h5 a domain's schemas load with its first call (contracts.h5.ts).
  const auth: Route['auth'] = (routes[endpoint] as Route).auth;
  const waiting = args === null || (auth === 'required' && session === null);
  // Callers pass a fresh object each render; the serialized form is the stable identity.
  const argsKey = waiting ? null : JSON.stringify(args);
  const plan = useMemo(
    () => (argsKey === null ? null : planRequest(endpoint, JSON.parse(argsKey) as RequestArgs<N>, lang)),
    [endpoint, argsKey, lang],
  );

  const identity = plan ? `${plan.key}#${auth ? (session?.token ?? 'device') : ''}` : null;

  const token = session?.token;
  const [snapshot, setSnapshot] = useState(() => startSnapshot(plan, identity, token));
  if (snapshot.key !== identity) {
    // Another call (new slug, card, language or user): start over from its saved copy, if any.
    setSnapshot(startSnapshot(plan, identity, token));
  }

  useEffect(() => {
    if (!plan || identity === null) return;
    if (snapshot.key === identity && snapshot.fromEarlyReply && snapshot.data !== undefined) {
      // Fresh from the server already: kept for offline reading like any fetched reply.
      writeCachedReply(plan, snapshot.data);
      return;
    }
    void settle(plan, identity).then((update) => setSnapshot(update));
    // Once per call: the snapshot is read only to know whether this call is answered already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan, identity]);

  const reload = useCallback(async () => {
    if (!plan || identity === null) return;
    setSnapshot((previous) =>
      previous.key === identity
        ? { ...previous, refreshing: true, ...(previous.data === undefined ? { status: 'loading', error: null } : {}) }
        : previous,
    );
    const update = await settle(plan, identity);
    setSnapshot(update);
  }, [plan, identity]);

  return {
    data: snapshot.data,
    status: snapshot.status,
    error: snapshot.error,
    fromCache: snapshot.fromCache,
    cachedAt: snapshot.cachedAt,
    refreshing: snapshot.refreshing,
    reload,
  };
}
