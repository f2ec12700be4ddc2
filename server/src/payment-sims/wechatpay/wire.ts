import { createCipheriv, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The platform's side of the WeChat Pay v3 wire format (shared/PAYMENTS.md §2–§4): verifying merchant
 * request signatures, signing replies and notifications, encrypting resources, Beijing-time stamps.
 * Written apart from the merchant's code in server/src/payments on purpose: the tests check each side
 * against the wechatpay-axios-plugin SDK, so one mistake copied into both could not pass unnoticed.
 */

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';
const AUTHORIZATION_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** A request timestamp further than this from the platform's clock is refused. */
const MAX_CLOCK_SKEW_SECONDS = 300;
/** Signatures of probe notifications start with this; a correct merchant refuses them. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function nonceString(length = 32): string {
  // Bytes ≥ 248 (the largest multiple of 62 that fits a byte) are skipped so every character is equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** Each piece followed by `\n`, the last one too. */
const lines = (...pieces: string[]): string => pieces.map((piece) => `${piece}\n`).join('');

export function signText(privateKey: KeyObject, text: string): string {
  return sign('sha256', Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

function verifyText(publicKey: KeyObject, text: string, signature: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export interface MerchantAuthorization {
  mchid: string;
  nonce: string;
  signature: string;
  timestamp: string;
  serialNo: string;
}

/** The fields of a v3 Authorization header, by key (merchant SDKs order them differently). */
export function parseAuthorization(header: string | undefined): MerchantAuthorization | null {
  if (!header?.startsWith(`${AUTHORIZATION_SCHEMA} `)) return null;
  const fields = new Map<string, string>();
  // No value holds a comma or a quote (digits, hex, [0-9A-Za-z], base64), so splitting is exact.
  for (const part of header.slice(AUTHORIZATION_SCHEMA.length + 1).split(',')) {
    const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (!match?.[1] || match[2] === undefined || fields.has(match[1])) return null;
    fields.set(match[1], match[2]);
  }
  const [mchid, nonce, signature, timestamp, serialNo] = [
    'mchid',
    'nonce_str',
    'signature',
    'timestamp',
    'serial_no',
  ].map((key) => fields.get(key));
  if (!mchid || !nonce || !signature || !timestamp || !serialNo) return null;
  return { mchid, nonce, signature, timestamp, serialNo };
}

export function timestampFresh(timestamp: string, now: Date): boolean {
  return /^\d{1,12}$/.test(timestamp) && Math.abs(unixSeconds(now) - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
}

/** Verifies a merchant's request signature over `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n`. */
export function requestSignatureValid(
  publicKey: KeyObject,
  request: { method: string; url: string; body: string },
  auth: MerchantAuthorization,
): boolean {
  return verifyText(
    publicKey,
    lines(request.method, request.url, auth.timestamp, auth.nonce, request.body),
    auth.signature,
  );
}

/** The signature headers of a reply or notification, over `TIMESTAMP\nNONCE\nBODY\n` as sent. */
export function signatureHeaders(
  privateKey: KeyObject,
  serial: string,
  body: string,
  now: Date,
): Record<string, string> {
  const timestamp = String(unixSeconds(now));
  const nonce = nonceString();
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signText(privateKey, lines(timestamp, nonce, body)),
    'wechatpay-serial': serial,
    'wechatpay-signature-type': SIGNATURE_TYPE,
  };
}

/** AEAD_AES_256_GCM: base64(ciphertext ‖ 16-byte tag), key = the 32 ASCII bytes of the APIv3 key. */
export function encryptResource(apiV3Key: string, plaintext: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const beijingIso = (date: Date) => new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19);

/** `2026-12-02T13:29:35+08:00`: how v3 writes success_time and create_time. */
export const toBeijingRfc3339 = (date: Date): string => `${beijingIso(date)}+08:00`;

/** `yyyyMMddHHmmss` in Beijing time, for identifiers that carry their date. */
export const beijingDigits = (date: Date): string => beijingIso(date).replace(/[^0-9]/g, '');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Null unless `text` is an RFC 3339 date-time with an explicit offset, as time_expire must be. */
export function parseRfc3339(text: string): Date | null {
  if (!RFC3339.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
