import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The merchant's side of WeChat Pay v3 signatures (shared/PAYMENTS.md §2, §3, §5): SHA256withRSA
 * (PKCS#1 v1.5) in base64 over lines that each end with `\n`. The merchant signs its requests and
 * `paySign`, and verifies every reply and notification the platform signs. Only node:crypto: the
 * format is small, and the tests check it against the wechatpay-axios-plugin SDK.
 */

export const AUTHORIZATION_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** A signature or request timestamp further than this from our clock is refused (5 minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** WeChat Pay sends probes signed with this prefix now and then: they must fail verification. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

const NONCE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random [0-9A-Za-z] string; 32 for request and reply nonces, 12 for AES-GCM nonces. */
export function nonceString(length = 32): string {
  // 248 is the largest multiple of 62 below 256: rejecting the bytes above it keeps every letter equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += NONCE_ALPHABET[byte % 62];
    }
  }
  return out;
}

export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

const lines = (...pieces: string[]): string => pieces.map((piece) => `${piece}\n`).join('');

/** `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n`; a GET's body line is empty. */
export const requestMessage = (method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string) =>
  lines(method, pathWithQuery, timestamp, nonce, body);

/** `TIMESTAMP\nNONCE\nRAW_BODY\n` for replies and notifications. */
export const replyMessage = (timestamp: string, nonce: string, body: string) => lines(timestamp, nonce, body);

/** `appId\ntimeStamp\nnonceStr\nprepay_id=…\n`: what `wx.requestPayment` checks (§5). */
export const paySignMessage = (appId: string, timeStamp: string, nonceStr: string, pkg: string) =>
  lines(appId, timeStamp, nonceStr, pkg);

export function signMessage(privateKey: KeyObject, message: string): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

export function verifyMessage(publicKey: KeyObject, message: string, signature: string): boolean {
  // A signature that is not even base64 fails like a wrong one, never as an exception.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export interface AuthorizationFields {
  mchid: string;
  nonce: string;
  signature: string;
  timestamp: string;
  serialNo: string;
}

export function formatAuthorization(fields: AuthorizationFields): string {
  return (
    `${AUTHORIZATION_SCHEMA} mchid="${fields.mchid}",nonce_str="${fields.nonce}",signature="${fields.signature}",` +
    `timestamp="${fields.timestamp}",serial_no="${fields.serialNo}"`
  );
}

/** True when a timestamp in seconds (as sent) is within 5 minutes of `now`. */
export function timestampFresh(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(unixSeconds(now) - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
}

export type PlatformSignatureCheck =
  | { ok: true; serial: string }
  | { ok: false; reason: 'missing_headers' | 'probe' | 'stale' | 'unknown_serial' | 'bad_signature' };

/**
 * Verifies a platform reply or notification (§3) against its raw body: headers present, not a
 * `WECHATPAY/SIGNTEST/` probe, timestamp within 5 minutes, a key for `Wechatpay-Serial`, signature.
 * `headers` has lower-case names.
 */
export function verifyPlatformSignature(input: {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  now: Date;
  keyFor: (serial: string) => KeyObject | undefined;
}): PlatformSignatureCheck {
  const header = (name: string) => {
    const value = input.headers[name];
    return Array.isArray(value) ? undefined : value;
  };
  const timestamp = header('wechatpay-timestamp');
  const nonce = header('wechatpay-nonce');
  const signature = header('wechatpay-signature');
  const serial = header('wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'missing_headers' };
  if (signature.startsWith(SIGNTEST_PREFIX)) return { ok: false, reason: 'probe' };
  if (!timestampFresh(timestamp, input.now)) return { ok: false, reason: 'stale' };
  const key = input.keyFor(serial);
  if (!key) return { ok: false, reason: 'unknown_serial' };
  if (!verifyMessage(key, replyMessage(timestamp, nonce, input.body), signature)) {
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true, serial };
}
