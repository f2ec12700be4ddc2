import { routes } from '@cbc/shared';
import { loadedReplies } from './contracts';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage, writeStorage } from '../utils/storage';
import { successSchema, type EndpointName, type Reply, type RequestPlan } from './client';

/**
 * The last good reply of each call, kept for reading guides at border crossings with poor signal.
 * Storage key: `cbc.cache.v1:` + the request path with its sorted query (lang included), e.g.
 * `cbc.cache.v1:/api/v1/guides?card=yuanyou&lang=zh-Hant`. Value: `{ savedAt: epoch ms, data }`.
 */
export interface CachedReply<T> {
  savedAt: number;
  data: T;
}

/**
 * Only public reads are saved (guides, channels): a reply that depends on who asks (an endpoint with
 * `auth`, e.g. cards and messages) never goes into this cache, so nothing of one user stays on the
 * device for the next.
 */
export function isCacheable(endpoint: EndpointName): boolean {
  const definition: { method: string; auth?: string } = routes[endpoint];
  return definition.method === 'GET' && definition.auth === undefined;
}

export function cacheKey(plan: RequestPlan<EndpointName>): string {
  return `${STORAGE_KEYS.cachePrefix}${plan.key}`;
}

/** The cached reply, re-checked with the endpoint's schema (an app update may have changed it). */
export function readCachedReply<N extends EndpointName>(plan: RequestPlan<N>): CachedReply<Reply<N>> | undefined {
  if (!isCacheable(plan.endpoint)) return undefined;
  const stored = readStorage(cacheKey(plan));
  if (!stored || typeof stored !== 'object') return undefined;
  const { savedAt, data } = stored as { savedAt?: unknown; data?: unknown };
  if (typeof savedAt !== 'number') return undefined;
  // On h5 a domain's schemas load with its first call; every cacheable domain is in the entry (contracts.h5.ts).
  const replies = loadedReplies(plan.endpoint);
  if (!replies) return undefined;
  const parsed = successSchema(replies).safeParse(data);
  return parsed.success ? { savedAt, data: parsed.data as Reply<N> } : undefined;
}

export function writeCachedReply<N extends EndpointName>(plan: RequestPlan<N>, data: Reply<N>): number {
  const savedAt = Date.now();
  if (!isCacheable(plan.endpoint)) return savedAt;
  writeStorage(cacheKey(plan), { savedAt, data });
  return savedAt;
}
