import type { EarlyReply } from '../boot/early-store';
import type { EndpointName } from './client';

// A mini program has no page to start calls from before the app runs (its package is installed whole);
// only the h5 build has early replies (early-replies.h5.ts).

export function earlyEndpoints(): EndpointName[] {
  return [];
}

export function takeEarlyReply(
  _endpoint: EndpointName,
  _key: string,
  _token: string | undefined,
): Promise<EarlyReply> | undefined {
  return undefined;
}

export function takeSettledEarlyReply<T>(
  _endpoint: EndpointName,
  _key: string,
  _token: string | undefined,
  _accept: (reply: EarlyReply) => T | undefined,
): T | undefined {
  return undefined;
}
