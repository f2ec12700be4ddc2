import { randomBytes } from 'node:crypto';
import { sha256Hex } from './keyed-hash';

const TOKEN_BYTES = 32;
/** base64url of 32 bytes, no padding. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * A session token is 32 random bytes; only its SHA-256 is stored, so a copy of the database cannot
 * be used to log in as anyone.
 */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: sha256Hex(token) };
}

export function sessionTokenHash(token: string): string | null {
  return TOKEN_FORMAT.test(token) ? sha256Hex(token) : null;
}

/** The token of `Authorization: Bearer <token>`, or null when the header is absent. Malformed → ''. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1] ?? '';
}
