import { createHash, randomBytes } from 'node:crypto';
import type { IncomingResponse } from '../../http/transport';
import { randomAlphanumeric } from '../../security/rsa-signature';
import type { NotificationFormat } from '../outbox';
import type { PlatformKeys } from './keys';
import { SIGNTEST_PREFIX, encryptResource, signatureHeaders, toBeijingRfc3339 } from './wire';

/**
 * A WeChat Pay v3 payment notification on the wire (shared/PAYMENTS.md §3, §4): the stored cleartext
 * transaction is encrypted with a fresh nonce and the body signed afresh for every attempt, as the
 * platform does on each retry. A probe attempt carries a `WECHATPAY/SIGNTEST/` signature that a
 * correct merchant refuses.
 */

const ASSOCIATED_DATA = 'transaction';
/** AEAD_AES_256_GCM's nonce: 12 characters. */
const RESOURCE_NONCE_LENGTH = 12;

/** The same notification keeps its id across retries, as on the platform: derived from the payload. */
function notificationId(payload: string): string {
  const hex = createHash('sha256').update(payload).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function wechatPayNotificationFormat(keys: PlatformKeys): NotificationFormat {
  return {
    provider: 'wechatpay',

    async build(payload, { probe, now }) {
      const nonce = randomAlphanumeric(RESOURCE_NONCE_LENGTH);
      const body = JSON.stringify({
        id: notificationId(payload),
        create_time: toBeijingRfc3339(now),
        resource_type: 'encrypt-resource',
        event_type: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        resource: {
          original_type: 'transaction',
          algorithm: 'AEAD_AES_256_GCM',
          ciphertext: encryptResource(keys.apiV3Key, payload, nonce, ASSOCIATED_DATA),
          associated_data: ASSOCIATED_DATA,
          nonce,
        },
      });
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...(await signatureHeaders(keys.privateKey, keys.publicKeyId, body, now)),
        'request-id': randomBytes(16).toString('hex').toUpperCase(),
      };
      if (probe) headers['wechatpay-signature'] = `${SIGNTEST_PREFIX}${randomBytes(48).toString('base64')}`;
      return { headers, body };
    },

    acknowledged: (response: IncomingResponse) => response.status >= 200 && response.status < 300,
  };
}
