import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage, writeStorage } from '../utils/storage';
import { replySchema, type EndpointName, type Reply, type RequestPlan } from './client';

/**
 * The last good reply of each call, kept for reading guides at border crossings with poor signal.
 * Storage key: `cbc.cache.v1:` + the request path with its sorted query (lang included), e.g.
 * `cbc.cache.v1:/api/v1/guides?card=yuanyou&lang=zh-Hant`. Value: `{ savedAt: epoch ms, data }`.
 */
export interface CachedReply<T> {
  savedAt: number;
  data: T;
}

export function cacheKey(plan: RequestPlan<EndpointName>): string {
  return `${STORAGE_KEYS.cachePrefix}${plan.key}`;
}

/** The cached reply, re-checked with the endpoint's schema (an app update may have changed it). */
export function readCachedReply<N extends EndpointName>(plan: RequestPlan<N>): CachedReply<Reply<N>> | undefined {
  const stored = readStorage(cacheKey(plan));
  if (!stored || typeof stored !== 'object') return undefined;
  const { savedAt, data } = stored as { savedAt?: unknown; data?: unknown };
  if (typeof savedAt !== 'number') return undefined;
  const parsed = replySchema(plan.endpoint).safeParse(data);
  return parsed.success ? { savedAt, data: parsed.data as Reply<N> } : undefined;
}

export function writeCachedReply<N extends EndpointName>(plan: RequestPlan<N>, data: Reply<N>): number {
  const savedAt = Date.now();
  writeStorage(cacheKey(plan), { savedAt, data });
  return savedAt;
}
