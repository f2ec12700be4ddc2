import Taro from '@tarojs/taro';
import type { CashierConfirmReply, PaymentReply } from '@cbc/shared';
import { routeUrl } from '../constants/routes';
import { randomId } from '../utils/random-id';

/** What `requestPayment` answers, as `wx.requestPayment` would: paid, cancelled, failed, or no answer. */
export type PaymentResult = CashierConfirmReply['result'];

/**
 * The hand-over between the payment adapter and the simulated cashier page. The adapter leaves the
 * server's payment reply here under a session id and opens the cashier with that id; the cashier
 * answers through Taro's event centre, which both platforms have. Everything stays in memory: a
 * cashier opened without its session (a reloaded browser tab) asks the server for the reply itself.
 */
const sessions = new Map<string, PaymentReply>();
const RESULT_EVENT = 'cbc:cashier-result';

export function openSimulatedCashier(reply: PaymentReply): Promise<PaymentResult> {
  const session = randomId(16);
  sessions.set(session, reply);
  return new Promise<PaymentResult>((resolve) => {
    const onResult = (id: unknown, result: unknown) => {
      if (id !== session) return;
      Taro.eventCenter.off(RESULT_EVENT, onResult);
      sessions.delete(session);
      resolve(result as PaymentResult);
    };
    Taro.eventCenter.on(RESULT_EVENT, onResult);
    Taro.navigateTo({ url: routeUrl('cashier', { session, orderId: reply.order.id }) }).catch(() => {
      // The sheet could not open (WeChat's page stack is full): like requestPayment failing to start.
      onResult(session, 'fail');
    });
  });
}

/** The payment reply a cashier page was opened for, if its session is still alive. */
export function cashierSession(session: string | undefined): PaymentReply | undefined {
  return session ? sessions.get(session) : undefined;
}

/** Delivers the cashier's result to the `requestPayment` call waiting for it. */
export function settleCashierSession(session: string, result: PaymentResult): void {
  Taro.eventCenter.trigger(RESULT_EVENT, session, result);
}
