import type { Language, Order } from '@cbc/shared';
import { request } from '../../../api';
import { requestPayment, type PaymentResult } from '../../../payments/request-payment';

/**
 * Pays an unpaid order: asks the server for the payment parameters (the order moves to `paying`),
 * then hands them to the payment adapter, which opens the (simulated) cashier and answers like
 * `wx.requestPayment`. Rejects with ApiError when the server refuses (e.g. the order just closed).
 */
export async function payOrder(orderId: string, lang: Language): Promise<{ result: PaymentResult; order: Order }> {
  const reply = await request('payOrder', { lang, params: { id: orderId } });
  const result = await requestPayment(reply);
  return { result, order: reply.order };
}
