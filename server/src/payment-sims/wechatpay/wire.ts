import { createCipheriv, type KeyObject } from 'node:crypto';
import {
  isStrictBase64,
  randomAlphanumeric,
  signMessage,
  signedMessage,
  unixTimestamp,
  verifyMessage,
} from '../../security/rsa-signature';

/**
 * The platform's side of the WeChat Pay v3 wire format (shared/PAYMENTS.md §2–§4): verifying merchant
 * request signatures, signing replies and notifications, encrypting resources, Beijing-time stamps.
 * Written apart from the merchant's code in server/src/payments on purpose: the tests check each side
 * against the wechatpay-axios-plugin SDK, so one mistake copied into both could not pass unnoticed.
 * Only the generic primitives (SHA256withRSA, lines ending in `\n`, the 5-minute window, nonces) are
 * shared, from security/rsa-signature.ts.
 */

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';
const AUTHORIZATION_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** Signatures of probe notifications start with this; a correct merchant refuses them. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

/** The length of the nonces of replies and notifications (`Wechatpay-Nonce`). */
const NONCE_LENGTH = 32;

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

/** Verifies a merchant's request signature over `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n`. */
export function requestSignatureValid(
  publicKey: KeyObject,
  request: { method: string; url: string; body: string },
  auth: MerchantAuthorization,
): boolean {
  // A signature that is not even base64 fails like a wrong one.
  if (!isStrictBase64(auth.signature)) return false;
  const message = signedMessage([request.method, request.url, auth.timestamp, auth.nonce, request.body]);
  return verifyMessage(message, auth.signature, publicKey);
}

/** The signature headers of a reply or notification, over `TIMESTAMP\nNONCE\nBODY\n` as sent. */
export async function signatureHeaders(
  privateKey: KeyObject,
  serial: string,
  body: string,
  now: Date,
): Promise<Record<string, string>> {
  const timestamp = unixTimestamp(now);
  const nonce = randomAlphanumeric(NONCE_LENGTH);
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': await signMessage(signedMessage([timestamp, nonce, body]), privateKey),
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
