import { randomBytes } from 'node:crypto';
import { minorToDecimal } from '@cbc/shared';
import type { SimPaymentRow } from '../../db/schema/index';
import type { AlipayParams } from '../../payments/alipay/protocol';
import { signMessage } from '../../security/rsa-signature';
import type { NotificationFormat } from '../outbox';
import type { AlipayPlatformKeys } from './keys';
import { NOTIFY_UNSIGNED, beijingTime, signContent } from './wire';

/**
 * Alipay's asynchronous payment notification: a form POST to the merchant's notify_url, RSA2-signed
 * over the other parameters sorted by name (without `sign` and `sign_type`); the merchant answers the
 * seven characters `success`, anything else and Alipay sends it again.
 * Facts: shared/PAYMENTS.md §8.
 */

/** The stored cleartext: the trade's fields. Time, envelope and signature are added at each attempt. */
export function alipayNotificationPayload(row: SimPaymentRow, tradeNo: string, successTime: string): string {
  const amount = minorToDecimal(Number(row.amountMinor));
  const fields: AlipayParams = {
    // One notify_id per notification, kept across its retries.
    notify_id: randomBytes(16).toString('hex'),
    app_id: row.merchantId,
    out_trade_no: row.outTradeNo,
    trade_no: tradeNo,
    trade_status: 'TRADE_SUCCESS',
    total_amount: amount,
    receipt_amount: amount,
    buyer_pay_amount: amount,
    subject: row.description,
    gmt_create: beijingTime(new Date(row.createdAt)),
    gmt_payment: beijingTime(new Date(successTime)),
    ...(row.payer ? { buyer_open_id: row.payer } : {}),
  };
  return JSON.stringify(fields);
}

export function createAlipayNotificationFormat(keys: Pick<AlipayPlatformKeys, 'privateKey'>): NotificationFormat {
  return {
    provider: 'alipay',
    // Alipay sends no signature probes (the outbox only asks for them for WeChat Pay): `probe` is not used.
    async build(payload, { now }) {
      const params: AlipayParams = {
        ...(JSON.parse(payload) as AlipayParams),
        notify_type: 'trade_status_sync',
        // The time of this attempt, not of the first one.
        notify_time: beijingTime(now),
        charset: 'utf-8',
        version: '1.0',
        sign_type: 'RSA2',
      };
      const sign = await signMessage(signContent(params, NOTIFY_UNSIGNED), keys.privateKey);
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams({ ...params, sign }).toString(),
      };
    },
    acknowledged: (response) => response.body === 'success',
  };
}
