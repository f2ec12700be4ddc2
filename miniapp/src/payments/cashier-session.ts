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
  // The answer is handed over once the page that asked is showing again (the cashier gone), so
  // whatever it does next (open the result page) never races the navigation back from the cashier.
  const openerShown = Taro.getCurrentInstance().router?.onShow;
  return new Promise<PaymentResult>((resolve) => {
    let result: PaymentResult | null = null;
    let cashierOpen = false;
    let openerBack = openerShown === undefined;
    const deliver = () => {
      if (result === null || !openerBack) return;
      Taro.eventCenter.off(RESULT_EVENT, onResult);
      if (openerShown) Taro.eventCenter.off(openerShown, onOpenerShown);
      sessions.delete(session);
      const answer = result;
      setTimeout(() => resolve(answer), 0);
    };
    const onResult = (id: unknown, value: unknown) => {
      if (id !== session) return;
      result = value as PaymentResult;
      deliver();
    };
    const onOpenerShown = () => {
      if (!cashierOpen) return;
      openerBack = true;
      deliver();
    };
    Taro.eventCenter.on(RESULT_EVENT, onResult);
    if (openerShown) Taro.eventCenter.on(openerShown, onOpenerShown);
    Taro.navigateTo({ url: routeUrl('cashier', { session, orderId: reply.order.id }) }).then(
      () => {
        cashierOpen = true;
      },
      () => {
        // The sheet could not open (WeChat's page stack is full): like requestPayment failing to start.
        openerBack = true;
        onResult(session, 'fail');
      },
    );
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
