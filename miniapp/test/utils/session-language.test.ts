import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEYS } from '../../src/constants/storage-keys';
import { NOW, session } from '../support/fixtures';
import { setSystemLanguage, storedEntries } from '../setup/taro-stand-in';

// Both modules keep what they read in memory, as the app does from start-up: each test starts them
// afresh on the device it has set up.
const freshSessionStore = async () => {
  vi.resetModules();
  return import('../../src/auth/session-store');
};
const freshDetect = async () => {
  vi.resetModules();
  return import('../../src/i18n/detect');
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

describe('session store', () => {
  it('keeps a login across restarts until it expires', async () => {
    const first = await freshSessionStore();
    expect(first.sessionSnapshot()).toBeNull();
    first.startSession(session('user-1', 'token-1'));
    expect(storedEntries().get(STORAGE_KEYS.session)).toEqual(session('user-1', 'token-1'));
    const restarted = await freshSessionStore();
    expect(restarted.activeSession()?.token).toBe('token-1');
    // A month later it has expired: dropped from storage when read.
    vi.setSystemTime(Date.parse(session().expiresAt));
    const later = await freshSessionStore();
    expect(later.sessionSnapshot()).toBeNull();
    expect(storedEntries().has(STORAGE_KEYS.session)).toBe(false);
  });

  it('drops a session that expires while the app is open, telling the pages', async () => {
    const store = await freshSessionStore();
    store.startSession(session());
    const heard = vi.fn();
    const unsubscribe = store.subscribeSession(heard);
    expect(store.activeSession()).not.toBeNull();
    expect(heard).not.toHaveBeenCalled();
    vi.setSystemTime(Date.parse(session().expiresAt) + 1);
    expect(store.activeSession()).toBeNull();
    expect(heard).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('ignores a stored session it cannot read', async () => {
    for (const stored of [{ token: 'x' }, 'token', { ...session(), expiresAt: 'soon' }]) {
      storedEntries().set(STORAGE_KEYS.session, stored);
      expect((await freshSessionStore()).activeSession()).toBeNull();
    }
  });

  it('updates the user only for the same account', async () => {
    const store = await freshSessionStore();
    store.startSession(session('user-1'));
    store.updateSessionUser({ ...session('user-2').user, email: 'b@example.com' });
    expect(store.sessionSnapshot()?.user.id).toBe('user-1');
    store.updateSessionUser({ ...session('user-1').user, email: 'a@example.com' });
    expect(store.sessionSnapshot()?.user.email).toBe('a@example.com');
    expect(store.sessionSnapshot()?.token).toBe('token-of-user-1');
  });
});

describe('initial language', () => {
  afterEach(() => {
    setSystemLanguage('zh_CN');
  });

  it('follows WeChat’s system language when nothing is chosen', async () => {
    const cases: [string | undefined, string][] = [
      ['zh_CN', 'zh-Hans'],
      ['zh_HK', 'zh-Hant'],
      ['zh_TW', 'zh-Hant'],
      ['en', 'en'],
      ['en_US', 'en'],
      ['fr_FR', 'zh-Hans'],
      [undefined, 'zh-Hans'],
    ];
    for (const [system, expected] of cases) {
      setSystemLanguage(system);
      expect((await freshDetect()).initialLanguage()).toBe(expected);
    }
  });

  it('prefers the language the user chose, if it is one of ours', async () => {
    setSystemLanguage('en');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('zh-Hans', 'zh-Hant', 'en'), fc.anything()), async (stored) => {
        storedEntries().set(STORAGE_KEYS.language, stored);
        const known = stored === 'zh-Hans' || stored === 'zh-Hant' || stored === 'en';
        expect((await freshDetect()).initialLanguage()).toBe(known ? stored : 'en');
      }),
      { numRuns: 30 },
    );
  });
});
