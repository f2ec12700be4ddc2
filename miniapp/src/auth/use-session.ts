import { useEffect, useSyncExternalStore } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Session, User } from '@cbc/shared';
import { activeSession, sessionSnapshot, subscribeSession } from './session-store';

export interface SessionState {
  session: Session | null;
  user: User | null;
  loggedIn: boolean;
}

/** The current login session; re-renders on login, logout and when a 401 ends the session. */
export function useSession(): SessionState {
  const session = useSyncExternalStore(subscribeSession, sessionSnapshot, sessionSnapshot);
  // A session that expired while the app was open is dropped when a page mounts or shows again.
  useEffect(() => {
    activeSession();
  }, []);
  useDidShow(() => {
    activeSession();
  });
  return { session, user: session?.user ?? null, loggedIn: session !== null };
}
