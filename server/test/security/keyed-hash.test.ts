import { describe, expect, it } from 'vitest';
import { createKeyedHasher, sha256Hex } from '../../src/security/keyed-hash';
import { bearerToken, newSessionToken, sessionTokenHash } from '../../src/security/session-token';

describe('keyed hashes', () => {
  const hasher = createKeyedHasher(Buffer.alloc(32, 1));

  it('is stable per key and purpose, and differs across keys and purposes', () => {
    const value = '6288123456789015';
    expect(hasher.hash('card', value)).toMatch(/^[0-9a-f]{64}$/);
    expect(hasher.hash('card', value)).toBe(hasher.hash('card', value));
    expect(hasher.hash('id', value)).not.toBe(hasher.hash('card', value));
    expect(createKeyedHasher(Buffer.alloc(32, 2)).hash('card', value)).not.toBe(hasher.hash('card', value));
    expect(hasher.hash('card', value)).not.toBe(sha256Hex(value));
  });

  it('compares against a stored hash', () => {
    const stored = hasher.hash('sms', '+8613800138000:123456');
    expect(hasher.matches('sms', '+8613800138000:123456', stored)).toBe(true);
    expect(hasher.matches('sms', '+8613800138000:123457', stored)).toBe(false);
    expect(hasher.matches('sms', '+8613800138000:123456', 'abcd')).toBe(false);
  });
});

describe('session tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const { token, tokenHash } = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokenHash).toBe(sha256Hex(token));
    expect(sessionTokenHash(token)).toBe(tokenHash);
    expect(newSessionToken().token).not.toBe(token);
  });

  it('are read from a Bearer header only', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBe('');
    expect(bearerToken('Bearer')).toBe('');
    expect(sessionTokenHash('too-short')).toBeNull();
  });
});
