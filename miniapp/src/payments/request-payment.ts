import type { PaymentReply } from '@cbc/shared';
import { openSimulatedCashier, type PaymentResult } from './cashier-session';

export type { PaymentResult } from './cashier-session';

/**
 * Browser build: there is no WeChat Pay, Alipay or bank app to hand over to, so every method is
 * paid in the simulated cashier page, which resolves like `wx.requestPayment` does: `ok`, `cancel`
 * (the sheet was closed), `fail` (e.g. insufficient funds) or `timeout` (no answer came back).
 * The WeChat build has its own file (request-payment.weapp.ts) with the same export.
 */
export function requestPayment(reply: PaymentReply): Promise<PaymentResult> {
  return openSimulatedCashier(reply);
}
