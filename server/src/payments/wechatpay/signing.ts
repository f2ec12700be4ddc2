import type { KeyObject } from 'node:crypto';
import { isFresh, isStrictBase64, signedMessage, verifyMessage } from '../../security/rsa-signature';

/**
 * The merchant's side of WeChat Pay v3 signatures (shared/PAYMENTS.md §2, §3, §5): SHA256withRSA
 * (PKCS#1 v1.5) in base64 over lines that each end with `\n`, with a 5-minute window. The merchant
 * signs its requests and `paySign`, and verifies every reply and notification the platform signs.
 * The primitives are security/rsa-signature.ts; what each message holds is here, and the tests check
 * it against the wechatpay-axios-plugin SDK.
 */

export const AUTHORIZATION_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** WeChat Pay sends probes signed with this prefix now and then: they must fail verification. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

/** The length of request nonces (`nonce_str`) and of `paySign`'s `nonceStr`. */
export const NONCE_LENGTH = 32;

/** `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n`; a GET's body line is empty. */
export const requestMessage = (method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string) =>
  signedMessage([method, pathWithQuery, timestamp, nonce, body]);

/** `TIMESTAMP\nNONCE\nRAW_BODY\n` for replies and notifications. */
export const replyMessage = (timestamp: string, nonce: string, body: string) => signedMessage([timestamp, nonce, body]);

/** `appId\ntimeStamp\nnonceStr\nprepay_id=…\n`: what `wx.requestPayment` checks (§5). */
export const paySignMessage = (appId: string, timeStamp: string, nonceStr: string, pkg: string) =>
  signedMessage([appId, timeStamp, nonceStr, pkg]);

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
  if (!isFresh(timestamp, input.now)) return { ok: false, reason: 'stale' };
  const key = input.keyFor(serial);
  if (!key) return { ok: false, reason: 'unknown_serial' };
  // A signature that is not even base64 fails like a wrong one.
  if (!isStrictBase64(signature) || !verifyMessage(replyMessage(timestamp, nonce, input.body), signature, key)) {
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true, serial };
}
