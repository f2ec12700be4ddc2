import {
  CARDS,
  ORDER_STATE_NAMES,
  SIMULATED_MERCHANT_NAME,
  type CashierConfirmReply,
  type CashierConfirmRequest,
  type Language,
  type Order,
  type PaymentMethod,
  type PaymentReply,
} from '@cbc/shared';
import type { Jobs } from '../jobs/index';
import type { OrdersService } from '../orders/service';
import type { SimulatedPlatform } from '../payment-sims/platform';
import { AppError, ConflictError } from '../errors/app-error';

/**
 * The simulated cashier: the payer's side of the payment sheet, in front of the simulated platforms.
 * It never moves an order itself: a success reaches the order through the platform's notification
 * (delivered by the jobs, kicked at once), a decline through a query of the provider.
 */

export interface CashierUser {
  id: string;
  /** Masked phone the simulated bank texts its one-time code to. */
  smsTo: string | null;
}

export interface CashierService {
  sheet(user: CashierUser, order: Order, lang: Language): Promise<PaymentReply['cashier']>;
  sendCode(
    user: CashierUser,
    orderId: string,
    lang: Language,
  ): Promise<{ sentTo: string; expiresAt: string; resendAfterSeconds: number }>;
  confirm(
    user: CashierUser,
    orderId: string,
    request: CashierConfirmRequest,
    lang: Language,
  ): Promise<CashierConfirmReply>;
}

export interface CashierServiceDeps {
  orders: OrdersService;
  platformFor: (method: PaymentMethod) => SimulatedPlatform;
  jobs: Pick<Jobs, 'kick'>;
}

/** Shown as the recipient when the account has no phone: the number the bank holds, which we never see. */
const BANK_RESERVED_PHONE = '+86 1** **** ****';

export function createCashierService(deps: CashierServiceDeps): CashierService {
  const { orders, platformFor, jobs } = deps;

  const payable = async (userId: string, orderId: string, lang: Language) => {
    const order = await orders.get(userId, orderId);
    // Only an order whose payment was started (POST /pay) has a sheet to confirm.
    if (order.state !== 'paying')
      throw new ConflictError('ORDER_NOT_PAYABLE', { state: ORDER_STATE_NAMES[order.state][lang] });
    return order;
  };

  return {
    async sheet(user, order, lang) {
      const platform = platformFor(order.method);
      const side = await platform.sheet(order.outTradeNo);
      return {
        merchantName: SIMULATED_MERCHANT_NAME[lang],
        // What the payment is for, as a payment app's sheet names it: the card and its number.
        description: `${CARDS[order.cardType].name[lang]} ${order.cardNumberMasked}`,
        amount: order.amount,
        payerCardMasked: side.payerCardMasked,
        otpRecipient: side.otpRequired ? (user.smsTo ?? BANK_RESERVED_PHONE) : null,
      };
    },

    async sendCode(user, orderId, lang) {
      const order = await payable(user.id, orderId, lang);
      const platform = platformFor(order.method);
      if (!platform.sendCode) throw new AppError('BAD_REQUEST', 400);
      return platform.sendCode(order.outTradeNo, { userId: user.id, to: user.smsTo ?? BANK_RESERVED_PHONE, lang });
    },

    async confirm(user, orderId, request, lang) {
      const order = await payable(user.id, orderId, lang);
      if (request.outcome === 'cancel') {
        return { result: 'cancel', errMsg: 'requestPayment:fail cancel', order };
      }
      const platform = platformFor(order.method);
      const answer = await platform.pay(order.outTradeNo, request.outcome, {
        ...(request.password !== undefined ? { password: request.password } : {}),
        ...(request.smsCode !== undefined ? { smsCode: request.smsCode } : {}),
      });
      if (answer === 'fail') {
        // The platform declined; the merchant learns it the way a real one does, by asking.
        const after = (await orders.reconcile(order.id)) ?? order;
        return {
          result: 'fail',
          errMsg: `requestPayment:fail ${lang === 'en' ? 'insufficient funds' : '余额不足'}`,
          order: after,
        };
      }
      jobs.kick();
      // The order as it stood before paying: the payment reaches it through the notification just kicked,
      // which the client waits for by asking for the order, as after a real wx.requestPayment.
      if (request.outcome === 'timeout') return { result: 'timeout', errMsg: 'requestPayment:fail timeout', order };
      return { result: 'ok', errMsg: 'requestPayment:ok', order };
    },
  };
}
