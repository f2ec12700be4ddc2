import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 under the app secret, for values we must recognise later but never store or show:
 * card numbers, ID numbers, SMS codes, WeChat identities. A plain hash of a 16-digit card number or
 * an 18-character ID number could be brute-forced from a leaked database; without the key it cannot.
 * `purpose` (no colon in it) prefixes the value as `purpose:value`, so the hash of a card number can
 * never match that of an ID number.
 */
export interface KeyedHasher {
  hash(purpose: string, value: string): string;
  /** Constant-time comparison of `hash(purpose, value)` with a stored hash. */
  matches(purpose: string, value: string, storedHex: string): boolean;
  /** Raw digest, for derived identifiers such as openids. */
  digest(purpose: string, value: string): Buffer;
}

export function createKeyedHasher(secret: Buffer): KeyedHasher {
  const digest = (purpose: string, value: string) =>
    createHmac('sha256', secret).update(`${purpose}:${value}`, 'utf8').digest();
  return {
    digest,
    hash: (purpose, value) => digest(purpose, value).toString('hex'),
    matches(purpose, value, storedHex) {
      const expected = digest(purpose, value);
      const stored = Buffer.from(storedHex, 'hex');
      return stored.length === expected.length && timingSafeEqual(stored, expected);
    },
  };
}

/** Unkeyed SHA-256, for random tokens: they carry 256 bits of entropy, so no key is needed to protect them. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
