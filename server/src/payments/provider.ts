import type { Currency, PaymentMethod, PaymentReply } from '@cbc/shared';

/**
 * The merchant side of payments: what this server would keep if it were a real merchant. One
 * provider per payment method family; the orders feature talks to them only through this interface,
 * so swapping a simulated platform for a real one changes configuration, not the orders code.
 */

export interface PaymentOrder {
  /** 商户订单号: 6–32 of [0-9A-Za-z_-]. */
  outTradeNo: string;
  method: PaymentMethod;
  /** What the payer pays (the bonus is the merchant's gift, never charged). */
  amountMinor: number;
  currency: Currency;
  /** ≤ 127 characters, shown on the payer's bill. */
  description: string;
  /** The provider must refuse payment after this instant. */
  expiresAt: Date;
  /** Who pays: WeChat Pay JSAPI needs the payer's openid under the merchant's appid. */
  payer: { userId: string; openid: string };
}

/** `{ method, params }` of the pay reply: what the client hands to the payment sheet. */
export type PaymentParams = PaymentReply extends infer R
  ? R extends { method: infer M; params: infer P }
    ? { method: M; params: P }
    : never
  : never;

/** WeChat Pay's trade_state names; the other providers map theirs onto these. */
export type ProviderTradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR';

/** A provider's account of one order: from a query, or from a verified notification. */
export interface ProviderTrade {
  outTradeNo: string;
  state: ProviderTradeState;
  /** 交易单号, set once paid. */
  transactionId: string | null;
  /** What the provider says was paid, in minor units, and its currency. */
  amountMinor: number;
  currency: string;
  /** ISO 8601 instant of the payment, set once paid. */
  paidAt: string | null;
  /** The provider's words for the state (WeChat Pay's trade_state_desc), e.g. 余额不足 for a declined payment. */
  stateDesc?: string | null;
}

export interface PaymentProvider {
  readonly methods: readonly PaymentMethod[];
  /** Creates (or, for the same parameters, re-creates) the provider's order and returns the client's parameters. */
  prepare(order: PaymentOrder): Promise<PaymentParams>;
  /** The provider's view of an order; null when the provider never saw it. */
  query(outTradeNo: string): Promise<ProviderTrade | null>;
  /** Closes the provider's order; `paid` when it was paid first (the caller then queries it). */
  close(outTradeNo: string): Promise<'closed' | 'paid' | 'unknown'>;
}

export { PaymentProviderError } from '../errors/payment-provider-error';

/**
 * What a notify route does with a notification it has verified (signature, time window, merchant,
 * decryption): the orders feature checks order and amount and moves the order. `applied` and
 * `already` are acknowledged (2xx: the platform stops retrying); `unknown_order` and `mismatch` are
 * refused (the platform retries, and the log says why).
 */
export type PaymentNotificationOutcome = 'applied' | 'already' | 'unknown_order' | 'mismatch';
export type PaymentNotificationHandler = (trade: ProviderTrade) => Promise<PaymentNotificationOutcome>;
