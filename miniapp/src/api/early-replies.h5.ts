import { EARLY_REPLIES_GLOBAL, type EarlyEntry, type EarlyReply, type EarlyStore } from '../boot/early-store';
import type { EndpointName } from './client';
import { replyOwnerToken } from './request-key';

/**
 * Replies the boot script fetched for the opened page (src/boot/boot.ts), each taken at most once: a
 * later call of the same URL asks the server. An old one (the tab was left open) is not used.
 */
const EARLY_REPLY_MAX_AGE_MS = 30_000;

function earlyStore(): EarlyStore | undefined {
  return (window as unknown as Record<string, EarlyStore | undefined>)[EARLY_REPLIES_GLOBAL];
}

/** The operations the boot script has sent: the app loads their reply schemas as it starts. */
export function earlyEndpoints(): EndpointName[] {
  return Object.values(earlyStore() ?? {}).map((entry) => entry.endpoint as EndpointName);
}

/** The entry for this call, if the boot script sent the same call for the same session. */
function matchingEntry(endpoint: EndpointName, key: string, token: string | undefined): EarlyEntry | undefined {
  const entry = earlyStore()?.[key];
  if (!entry) return undefined;
  if (entry.token !== replyOwnerToken(endpoint, token) || Date.now() - entry.sentAt > EARLY_REPLY_MAX_AGE_MS) {
    delete earlyStore()?.[key];
    return undefined;
  }
  return entry;
}

/** The early reply of this call (it may still be on its way), taken out of the store. */
export function takeEarlyReply(
  endpoint: EndpointName,
  key: string,
  token: string | undefined,
): Promise<EarlyReply> | undefined {
  const entry = matchingEntry(endpoint, key, token);
  if (entry) delete earlyStore()?.[key];
  return entry?.reply;
}

/**
 * The early reply of this call if it is already in and `accept` takes it (then it is taken out of the
 * store); otherwise it stays for `takeEarlyReply`.
 */
export function takeSettledEarlyReply<T>(
  endpoint: EndpointName,
  key: string,
  token: string | undefined,
  accept: (reply: EarlyReply) => T | undefined,
): T | undefined {
  const settled = matchingEntry(endpoint, key, token)?.settled;
  const accepted = settled ? accept(settled) : undefined;
  if (accepted !== undefined) delete earlyStore()?.[key];
  return accepted;
}
