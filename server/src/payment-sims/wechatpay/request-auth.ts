import type { KeyObject } from 'node:crypto';
import { isFresh } from '../../security/rsa-signature';
import { V3Error } from './errors';
import { parseAuthorization, requestSignatureValid } from './wire';

/**
 * The platform's check of a merchant request (shared/PAYMENTS.md §2): a v3 Authorization header of
 * the registered merchant, with the serial of its registered certificate, a timestamp within 5
 * minutes, and a signature over method, path with query, timestamp, nonce and the body as received.
 * Anything else is `401 SIGN_ERROR`, as on the real platform.
 */

export interface RegisteredMerchant {
  mchid: string;
  serialNo: string;
  publicKey: KeyObject;
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  authorization: string | undefined;
  body: string;
}

export type SignFailure = 'malformed' | 'unknown_merchant' | 'unknown_serial' | 'stale' | 'bad_signature';

export function checkMerchantSignature(
  merchant: RegisteredMerchant,
  request: SignedRequest,
  now: Date,
): SignFailure | null {
  const fields = parseAuthorization(request.authorization);
  if (!fields) return 'malformed';
  if (fields.mchid !== merchant.mchid) return 'unknown_merchant';
  if (fields.serialNo.toUpperCase() !== merchant.serialNo.toUpperCase()) return 'unknown_serial';
  if (!isFresh(fields.timestamp, now)) return 'stale';
  return requestSignatureValid(merchant.publicKey, request, fields) ? null : 'bad_signature';
}

export function signError(failure: SignFailure): V3Error {
  // The real platform's wording: a format problem and a failed verification read differently.
  return failure === 'malformed'
    ? new V3Error(401, 'SIGN_ERROR', 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》', {
        location: 'header',
        field: 'Authorization',
      })
    : new V3Error(401, 'SIGN_ERROR', '错误的签名，验签失败', { location: 'header', field: 'Authorization' });
}
