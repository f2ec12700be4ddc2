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

/** Not paid yet and still open: the user may pay or cancel it. */
export function isUnpaid(state: OrderState): boolean {
  return state === 'created' || state === 'paying';
}

/** Nothing will ever happen to the order again. */
export function isFinalOrderState(state: OrderState): boolean {
  return ORDER_TRANSITIONS[state].length === 0;
}

/** Why an order ended without money moving. */
export const ORDER_END_REASONS = ['expired', 'cancelled', 'insufficient_funds', 'payment_error'] as const;
export const orderEndReasonSchema = z.enum(ORDER_END_REASONS);
export type OrderEndReason = z.infer<typeof orderEndReasonSchema>;
