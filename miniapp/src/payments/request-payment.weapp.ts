import type { PaymentReply } from '@cbc/shared';
import { openSimulatedCashier, type PaymentResult } from './cashier-session';

export type { PaymentResult } from './cashier-session';

/**
 * WeChat build. The server's reply for WeChat Pay carries exactly the parameters of
 * `wx.requestPayment` (WeChat Pay API v3, JSAPI/mini-program: timeStamp, nonceStr,
 * package = "prepay_id=…", signType RSA, paySign). This practice app must never open the real
 * payment sheet, so it opens the simulated cashier page instead, which resolves like
 * `requestPayment`: `ok`, `cancel`, `fail` or `timeout`.
 *
 * A real merchant, with a real prepay order, would switch the one line below (for
 * `reply.method === 'wechatpay'`) to:
 *
 *   return Taro.requestPayment({ timeStamp, nonceStr, package, signType: 'RSA', paySign }).then(() => 'ok', (e) => (/cancel/.test(e.errMsg) ? 'cancel' : 'fail'));
 *
 * with `{ timeStamp, nonceStr, package, paySign }` taken from `reply.params`; as with the real API, a
 * success only means "the user paid": the order is final once the server has the payment notification
 * (the result page polls the order). Alipay and bank cards have no in-WeChat sheet and stay simulated.
 */
export function requestPayment(reply: PaymentReply): Promise<PaymentResult> {
  return openSimulatedCashier(reply);
}
