import type { SimPaymentRow } from '../../db/schema/index';
import { toBeijingRfc3339 } from './wire';

/**
 * The transaction object the platform reports, in a query reply and (encrypted) in a payment
 * notification (shared/PAYMENTS.md §4). Payment fields appear once paid, as on the real platform.
 */

const STATE_DESC = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  PAYERROR: '支付失败',
} as const;

export function transactionOf(row: SimPaymentRow, appid: string): Record<string, unknown> {
  const amount = Number(row.amountMinor);
  const paid = row.state === 'SUCCESS';
  return {
    appid,
    mchid: row.merchantId,
    out_trade_no: row.outTradeNo,
    ...(paid && row.transactionId ? { transaction_id: row.transactionId } : {}),
    ...(paid ? { trade_type: 'JSAPI' } : {}),
    trade_state: row.state,
    trade_state_desc: row.stateDesc ?? STATE_DESC[row.state],
    // 零钱 (the WeChat balance) reports as OTHERS.
    ...(paid ? { bank_type: 'OTHERS' } : {}),
    attach: row.attach ?? '',
    ...(paid && row.successTime ? { success_time: toBeijingRfc3339(new Date(row.successTime)) } : {}),
    payer: { openid: row.payer ?? '' },
    amount: {
      total: amount,
      ...(paid ? { payer_total: amount } : {}),
      currency: row.currency,
      payer_currency: row.currency,
    },
  };
}
