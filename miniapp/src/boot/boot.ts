import { DEVICE_ID_HEADER } from '@cbc/shared/contracts/routes';
import { replyOwnerToken, requestKey } from '../api/request-key';
import { PLATFORM_TIMEOUT_GRACE_MS, REQUEST_TIMEOUT_MS } from '../api/timeouts';
import { transmit } from '../api/transport.h5';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { ROUTES } from '../constants/routes';
import { pickLanguage } from '../i18n/pick-language';
import { systemLanguageTags } from '../i18n/system-language.h5';
import { earlyCalls, type EarlyCall } from './early-calls';
import { EARLY_REPLIES_GLOBAL, type EarlyEntry, type EarlyReply, type EarlyStore } from './early-store';

// The h5 page's inline boot script (built by BootScriptPlugin in config/h5-plugins.ts). It sends the
// opened page's first GETs while the app's files are still downloading, so their replies are in when
// the page first renders instead of being asked for only after the app has run. Anything unexpected
// (no storage, an odd value) means no early calls: the app then asks as it always did.

/** A value saved with Taro's storage API on h5: JSON `{ data }` in localStorage. */
function readTaroStorage(key: string): unknown {
  try {
    const item: unknown = JSON.parse(localStorage.getItem(key) ?? '');
    return item && typeof item === 'object' && 'data' in item ? (item as { data: unknown }).data : undefined;
  } catch {
    return undefined;
  }
}

/** The stored session's token while it is valid, as the app's session store reads it. */
function sessionToken(): string {
  const session = readTaroStorage(STORAGE_KEYS.session) as { token?: unknown; expiresAt?: unknown } | undefined;
  if (!session || typeof session.token !== 'string' || typeof session.expiresAt !== 'string') return '';
  return Date.parse(session.expiresAt) > Date.now() ? session.token : '';
}

/**
 * A GET through the app's own browser transport, with the platform's backstop: the app gives up on an
 * early reply after its own time-out and asks again, and this call stops by itself soon after.
 */
function early(path: string, headers: Record<string, string>): Promise<EarlyReply> {
  return transmit({
    url: path,
    method: 'GET',
    header: headers,
    timeoutMs: REQUEST_TIMEOUT_MS + PLATFORM_TIMEOUT_GRACE_MS,
  }).reply;
}

function boot(): void {
  const [route = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const token = sessionToken();
  const deviceId = readTaroStorage(STORAGE_KEYS.deviceId);
  const lang = pickLanguage(readTaroStorage(STORAGE_KEYS.language), systemLanguageTags());
  const calls = earlyCalls({
    page: route || ROUTES.home,
    pageQuery: Object.fromEntries(new URLSearchParams(search)),
    storedGuidesCard: readTaroStorage(STORAGE_KEYS.guidesCard),
    loggedIn: token !== '',
  });
  const store: EarlyStore = {};
  const send = ({ endpoint, args }: EarlyCall): void => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (typeof deviceId === 'string') headers[DEVICE_ID_HEADER] = deviceId;
    // Only a call whose reply depends on who asks carries the session (and is kept for that session).
    const sentToken = replyOwnerToken(endpoint, token);
    if (sentToken) headers.Authorization = `Bearer ${sentToken}`;
    const key = requestKey(endpoint, args, lang);
    const entry: EarlyEntry = { endpoint, sentAt: Date.now(), token: sentToken, reply: early(key, headers) };
    entry.reply.then(
      (reply) => {
        entry.settled = reply;
      },
      () => undefined,
    );
    store[key] = entry;
  };
  calls.forEach(send);
  (window as unknown as Record<string, unknown>)[EARLY_REPLIES_GLOBAL] = store;
}

try {
  boot();
} catch {
  // No early calls; the app asks for itself.
}
