import { DEVICE_ID_HEADER, routes } from '@cbc/shared/contracts/routes';
import { replyOwnerToken, requestKey } from '../api/request-key';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { ROUTES } from '../constants/routes';
import { pickLanguage } from '../i18n/pick-language';
import { earlyCalls } from './early-calls';
import { EARLY_REPLIES_GLOBAL, type EarlyEntry, type EarlyReply, type EarlyStore } from './early-store';

// The h5 page's inline boot script (built by EarlyCallsPlugin in config/h5-plugins.ts). It sends the
// opened page's first GETs while the app's files are still downloading, so their replies are in when
// the page first renders instead of being asked for only after the app has run. Anything unexpected
// (no storage, an odd value) means no early calls: the app then asks as it always did.

/** Set by the build (BootScriptPlugin): the script files of each API domain's lazily loaded reply schemas. */
declare const CONTRACT_FILES: Readonly<Record<string, readonly string[]>>;
declare const PUBLIC_PATH: string;

/**
 * Starts downloading the reply schemas of the calls' domains (and the tolerant readings that come with
 * them), which the app would otherwise fetch only once it has run and sent the calls itself.
 */
function preloadContracts(domains: ReadonlySet<string>): void {
  // Guides and health are in the entry; a lazily loaded domain always comes with the tolerant readings.
  const lazy = [...domains].filter((domain) => domain in CONTRACT_FILES);
  if (lazy.length === 0) return;
  const files = new Set([...lazy, 'tolerant'].flatMap((name) => CONTRACT_FILES[name] ?? []));
  for (const file of files) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'script';
    link.href = PUBLIC_PATH + file;
    document.head.appendChild(link);
  }
}

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

async function fetchReply(url: string, headers: Record<string, string>): Promise<EarlyReply> {
  const response = await fetch(url, { headers });
  return { statusCode: response.status, data: await response.json() };
}

function boot(): void {
  const [route = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const token = sessionToken();
  const deviceId = readTaroStorage(STORAGE_KEYS.deviceId);
  const lang = pickLanguage(readTaroStorage(STORAGE_KEYS.language), [navigator.language, ...navigator.languages]);
  const calls = earlyCalls({
    page: route || ROUTES.home,
    pageQuery: Object.fromEntries(new URLSearchParams(search)),
    storedGuidesCard: readTaroStorage(STORAGE_KEYS.guidesCard),
    loggedIn: token !== '',
  });
  const store: EarlyStore = {};
  for (const { endpoint, args } of calls) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (typeof deviceId === 'string') headers[DEVICE_ID_HEADER] = deviceId;
    // Only a call whose reply depends on who asks carries the session (and is kept for that session).
    const sentToken = replyOwnerToken(endpoint, token);
    if (sentToken) headers.Authorization = `Bearer ${sentToken}`;
    const key = requestKey(endpoint, args, lang);
    const entry: EarlyEntry = { sentAt: Date.now(), token: sentToken, reply: fetchReply(key, headers) };
    entry.reply.then(
      (reply) => {
        entry.settled = reply;
      },
      () => undefined,
    );
    store[key] = entry;
  }
  (window as unknown as Record<string, unknown>)[EARLY_REPLIES_GLOBAL] = store;
  preloadContracts(new Set(calls.map(({ endpoint }) => routes[endpoint].domain)));
}

try {
  boot();
} catch {
  // No early calls; the app asks for itself.
}
