import { useCallback, useRef } from 'react';
import { randomId } from '../utils/random-id';

/** A fresh key in the shape the server accepts (`[A-Za-z0-9_-]{8,64}`). */
export function newIdempotencyKey(): string {
  return randomId(32);
}

/**
 * One Idempotency-Key per distinct request body, for the life of the page: pressing submit again
 * after a lost reply resends the same key (the server answers with what it already created), while
 * a corrected form is a new request with a new key.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const serialized = JSON.stringify(body);
    if (last.current?.body !== serialized) last.current = { body: serialized, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
}
