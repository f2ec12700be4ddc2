import { describe, expect, it } from 'vitest';
import {
  ORDER_STATES,
  canMoveOrder,
  isFinalOrderState,
  isPayable,
  isUnpaid,
  statesBefore,
  type OrderState,
} from '../../src/orders/state-machine';

/** The moves the issue allows, written out independently of the table under test. */
const LEGAL: ReadonlyArray<[OrderState, OrderState]> = [
  ['created', 'paying'],
  ['paying', 'paid'],
  ['paid', 'credited'],
  ['created', 'closed'],
  ['paying', 'closed'],
  ['paying', 'failed'],
];

const allPairs = ORDER_STATES.flatMap((from) => ORDER_STATES.map((to) => [from, to] as [OrderState, OrderState]));
const isLegal = (from: OrderState, to: OrderState) => LEGAL.some(([a, b]) => a === from && b === to);

describe('order state machine', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canMoveOrder(from, to)).toBe(true);
  });

  it.each(allPairs.filter(([from, to]) => !isLegal(from, to)))('refuses %s → %s', (from, to) => {
    expect(canMoveOrder(from, to)).toBe(false);
  });

  it('never moves a credited order anywhere, back to paid least of all', () => {
    for (const to of ORDER_STATES) expect(canMoveOrder('credited', to)).toBe(false);
  });

  it('names the states a conditional update may start from', () => {
    expect(statesBefore('paid')).toEqual(['paying']);
    expect(statesBefore('closed')).toEqual(['created', 'paying']);
    expect(statesBefore('credited')).toEqual(['paid']);
    expect(statesBefore('created')).toEqual([]);
  });

  it('knows which states are unpaid and which are final', () => {
    expect(ORDER_STATES.filter(isUnpaid)).toEqual(['created', 'paying']);
    expect(ORDER_STATES.filter(isFinalOrderState)).toEqual(['credited', 'closed', 'failed']);
  });

  it('offers an unpaid order for payment until its expiry, even before the server has closed it', () => {
    const expiresAt = '2026-12-04T10:15:00.000Z';
    const before = Date.parse(expiresAt) - 1;
    expect(ORDER_STATES.filter((state) => isPayable({ state, expiresAt }, before))).toEqual(['created', 'paying']);
    expect(isPayable({ state: 'paying', expiresAt }, Date.parse(expiresAt))).toBe(false);
  });
});
