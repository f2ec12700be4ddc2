import { randomUUID } from 'node:crypto';
import type { SimPaymentRow } from '../../db/schema/index';
import type { BankNotification } from '../../payments/bankcard/protocol';
import { newNonce, signMessage, signedMessage, unixTimestamp } from '../../security/rsa-signature';
import type { NotificationFormat } from '../outbox';
import { schemeOf } from './api';
import type { BankcardPlatformKeys } from './keys';
import { HEADERS } from './wire';

/**
 * The simulated bank's payment notification: the JSON event as the body, signed at each attempt over
 * `timestamp\nnonce\nbody\n` with the bank's key (WeChat Pay v3's scheme); any 2xx is received.
 */

export function bankNotificationPayload(row: SimPaymentRow, transactionId: string, successTime: string): string {
  const event: BankNotification = {
    id: randomUUID(),
    createTime: successTime,
    eventType: 'PAYMENT.SUCCESS',
    merchantId: row.merchantId,
    outTradeNo: row.outTradeNo,
    transactionId,
    scheme: schemeOf(row),
    state: 'SUCCESS',
    amount: { total: Number(row.amountMinor), currency: row.currency },
    successTime,
  };
  return JSON.stringify(event);
}

export function createBankcardNotificationFormat(keys: Pick<BankcardPlatformKeys, 'privateKey'>): NotificationFormat {
  return {
    provider: 'bankcard',
    // The bank sends no signature probes (the outbox only asks for them for WeChat Pay): `probe` is not used.
    async build(payload, { now }) {
      const timestamp = unixTimestamp(now);
      const nonce = newNonce();
      return {
        headers: {
          'content-type': 'application/json',
          [HEADERS.timestamp]: timestamp,
          [HEADERS.nonce]: nonce,
          [HEADERS.signature]: await signMessage(signedMessage([timestamp, nonce, payload]), keys.privateKey),
        },
        body: payload,
      };
    },
    acknowledged: (response) => response.status >= 200 && response.status < 300,
  };
}
