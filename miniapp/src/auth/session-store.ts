import { sessionSchema, type Session, type User } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage, removeStorage, writeStorage } from '../utils/storage';

/**
 * The login session, outside React so the API client can read the token and drop it on a 401.
 * Kept in storage (`cbc.session.v1`) so the user stays logged in across restarts until `expiresAt`.
 * React components read it through `useSession()`.
 */

type Listener = () => void;

const listeners = new Set<Listener>();
let current: Session | null | undefined;

function isExpired(session: Session, now = Date.now()): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return !Number.isFinite(expiresAt) || expiresAt <= now;
}

function load(): Session | null {
  const parsed = sessionSchema.safeParse(readStorage(STORAGE_KEYS.session));
  if (!parsed.success) return null;
  if (isExpired(parsed.data)) {
    removeStorage(STORAGE_KEYS.session);
    return null;
  }
  return parsed.data;
}

function publish(next: Session | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

/** The stored session as last published (pure: safe as a React snapshot). */
export function sessionSnapshot(): Session | null {
  if (current === undefined) current = load();
  return current;
}

/** The session if it is still valid; an expired one is dropped here (callers are outside render). */
export function activeSession(): Session | null {
  const session = sessionSnapshot();
  if (session && isExpired(session)) {
    endSession();
    return null;
  }
  return session;
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** After login, register or WeChat login. */
export function startSession(session: Session): void {
  writeStorage(STORAGE_KEYS.session, session);
  publish(session);
}

/** A fresher copy of the user (GET /me), same token. */
export function updateSessionUser(user: User): void {
  const session = sessionSnapshot();
  if (!session || session.user.id !== user.id) return;
  startSession({ ...session, user });
}

/**
 * Logs out locally. With `token`, only when that token is still the current one: a late 401 of a
 * request sent before a new login must not end the new session.
 */
export function endSession(token?: string): void {
  const session = sessionSnapshot();
  if (!session) return;
  if (token !== undefined && session.token !== token) return;
  removeStorage(STORAGE_KEYS.session);
  publish(null);
}
