import { z } from 'zod';

/**
 * The life of a top-up order. `paying` means the payment provider holds a prepay order the user can
 * still pay (a cancelled cashier leaves it there); only the provider's word (a verified notification
 * or a query) moves it to `paid`, and only the ledger moves `paid` to `credited`.
 */
export const ORDER_STATES = ['created', 'paying', 'paid', 'credited', 'closed', 'failed'] as const;
export const orderStateSchema = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof orderStateSchema>;

/** Every allowed move; anything not listed is refused (a late notification can never undo crediting). */
export const ORDER_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  created: ['paying', 'closed'],
  paying: ['paid', 'closed', 'failed'],
  paid: ['credited'],
  credited: [],
  closed: [],
  failed: [],
};

export function canMoveOrder(from: OrderState, to: OrderState): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** The states a move to `to` may start from: what a conditional `UPDATE … WHERE state IN (…)` names. */
export function statesBefore(to: OrderState): OrderState[] {
  return ORDER_STATES.filter((from) => canMoveOrder(from, to));
}

/** Not paid yet and still open, until the order's `expiresAt`: the user may pay or cancel it. */
export const UNPAID_STATES = ['created', 'paying'] as const satisfies readonly OrderState[];

export function isUnpaid(state: OrderState): boolean {
  return (UNPAID_STATES as readonly OrderState[]).includes(state);
}

/** An unpaid order before its expiry, which the server may not have closed yet: it can still be paid. */
export function isPayable(order: { state: OrderState; expiresAt: string }, now = Date.now()): boolean {
  return isUnpaid(order.state) && Date.parse(order.expiresAt) > now;
}

/** Nothing will ever happen to the order again. */
export function isFinalOrderState(state: OrderState): boolean {
  return ORDER_TRANSITIONS[state].length === 0;
}

/** Why an order ended without money moving. */
export const ORDER_END_REASONS = ['expired', 'cancelled', 'insufficient_funds', 'payment_error'] as const;
export const orderEndReasonSchema = z.enum(ORDER_END_REASONS);
export type OrderEndReason = z.infer<typeof orderEndReasonSchema>;

/** Short names of the states, for messages that mention one (“cannot be paid now (closed)”). */
export const ORDER_STATE_NAMES: Record<OrderState, { 'zh-Hans': string; 'zh-Hant': string; en: string }> = {
  created: { 'zh-Hans': '待支付', 'zh-Hant': '待付款', en: 'awaiting payment' },
  paying: { 'zh-Hans': '待支付', 'zh-Hant': '待付款', en: 'awaiting payment' },
  paid: { 'zh-Hans': '已支付，到账中', 'zh-Hant': '已付款，到賬中', en: 'paid, being credited' },
  credited: { 'zh-Hans': '已到账', 'zh-Hant': '已到賬', en: 'credited' },
  closed: { 'zh-Hans': '已关闭', 'zh-Hant': '已關閉', en: 'closed' },
  failed: { 'zh-Hans': '支付失败', 'zh-Hant': '付款失敗', en: 'payment failed' },
};
