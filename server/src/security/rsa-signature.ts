import { randomBytes, verify, type KeyObject } from 'node:crypto';
import { signOnThread } from './signing-thread';

/**
 * SHA256withRSA (PKCS#1 v1.5) signatures in base64, and what travels with them: the signed message
 * made of lines, the sender's timestamp and nonce, and the five-minute window a timestamp must fall in.
 * WeChat Pay v3, Alipay's RSA2 and the simulated bank all sign this way, on the merchant's side and on
 * the simulated platforms' alike. Only these primitives are shared: what goes into a message (which
 * lines, which parameters, in which order) stays with each protocol's own code, written once per side,
 * and the tests check those layouts against the platforms' SDKs.
 */

/** A timestamp further than this from the receiver's clock is refused: a captured message cannot be replayed later. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** Signs on the signing thread (signing-thread.ts): an RSA-2048 signature takes about 0.3 ms of CPU. */
export function signMessage(message: string, privateKey: KeyObject): Promise<string> {
  return signOnThread(message, privateKey);
}

/** False, never an exception, for a signature of the wrong length or one that is not base64 at all. */
export function verifyMessage(message: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Standard base64 with nothing else in it. `verifyMessage` decodes leniently (Node skips stray
 * characters); a protocol that wants anything else refused outright checks this first.
 */
export const isStrictBase64 = (text: string): boolean => /^[A-Za-z0-9+/]+={0,2}$/.test(text);

/** Every line followed by `\n`, the last one (usually the body, exactly as sent) included. */
export function signedMessage(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** A timestamp as sent: whole seconds since the epoch, in decimal. */
export const unixTimestamp = (date: Date): string => String(Math.floor(date.getTime() / 1000));

/** True when a timestamp as sent (decimal seconds) is within SIGNATURE_WINDOW_SECONDS of `now`, either way. */
export function isFresh(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) <= SIGNATURE_WINDOW_SECONDS;
}

/** 32 hex characters. */
export const newNonce = (): string => randomBytes(16).toString('hex');

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random [0-9A-Za-z] string, every character equally likely. */
export function randomAlphanumeric(length: number): string {
  // 248 is the largest multiple of 62 below 256: rejecting the bytes above it keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}
