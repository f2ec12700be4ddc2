import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isFresh,
  isStrictBase64,
  newNonce,
  randomAlphanumeric,
  signMessage,
  signedMessage,
  unixTimestamp,
  verifyMessage,
} from '../../src/security/rsa-signature';

describe('SHA256withRSA signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('signs in base64 what node:crypto verifies, and verifies only the message and key signed', async () => {
    const message = signedMessage(['1764655200', 'nonce', '{"a":1}']);
    expect(message).toBe('1764655200\nnonce\n{"a":1}\n');
    const signature = await signMessage(message, privateKey);
    expect(isStrictBase64(signature)).toBe(true);
    expect(verify('sha256', Buffer.from(message), createPublicKey(privateKey), Buffer.from(signature, 'base64'))).toBe(
      true,
    );
    expect(verifyMessage(message, signature, publicKey)).toBe(true);
    expect(verifyMessage(`${message} `, signature, publicKey)).toBe(false);
    expect(verifyMessage(message, signature, other.publicKey)).toBe(false);
    expect(verifyMessage(message, 'not a signature', publicKey)).toBe(false);
    expect(verifyMessage(message, '', publicKey)).toBe(false);
  });

  it('tells strict base64 from anything else', () => {
    expect(isStrictBase64('QUJD+/==')).toBe(true);
    expect(isStrictBase64('QUJD\n')).toBe(false);
    expect(isStrictBase64('QUJD-_')).toBe(false);
    expect(isStrictBase64('')).toBe(false);
  });
});

describe('timestamps and nonces', () => {
  const now = new Date('2026-12-02T06:00:00.000Z');
  const at = (seconds: number) => String(now.getTime() / 1000 + seconds);

  it('writes whole seconds', () => {
    expect(unixTimestamp(new Date('2026-12-02T06:00:00.999Z'))).toBe('1796191200');
  });

  it('accepts a timestamp within five minutes either way, and nothing but digits', () => {
    for (const seconds of [-300, -1, 0, 1, 300]) expect(isFresh(at(seconds), now)).toBe(true);
    for (const seconds of [-301, 301]) expect(isFresh(at(seconds), now)).toBe(false);
    for (const text of ['', '1796191200.5', '-1796191200', ' 1796191200', '1'.repeat(13)]) {
      expect(isFresh(text, now)).toBe(false);
    }
  });

  it('makes nonces of the asked shape', () => {
    expect(newNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomAlphanumeric(12)).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(randomAlphanumeric(32)).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(randomAlphanumeric(32)).not.toBe(randomAlphanumeric(32));
  });
});
