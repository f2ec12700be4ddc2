import { z } from 'zod';
import type { ProviderTrade, ProviderTradeState } from '../provider';
import { parseRfc3339 } from './time';

/**
 * The transaction object of a query reply and of a decrypted payment notification (shared/PAYMENTS.md
 * §4). Only what the merchant acts on is required; WeChat Pay adds fields over time, so unknown ones
 * are ignored rather than refused.
 */
export const wechatPayTransactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  trade_state: z.string(),
  trade_state_desc: z.string().optional(),
  bank_type: z.string().optional(),
  attach: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string() }).partial().optional(),
  amount: z.object({
    total: z.number().int().nonnegative(),
    payer_total: z.number().int().nonnegative().optional(),
    currency: z.string(),
    payer_currency: z.string().optional(),
  }),
});
export type WechatPayTransaction = z.infer<typeof wechatPayTransactionSchema>;

// REFUND means it was paid (and a refund began since); REVOKED and USERPAYING belong to other
// payment kinds and are mapped to their nearest meaning rather than refused.
const STATES: Record<string, ProviderTradeState> = {
  NOTPAY: 'NOTPAY',
  USERPAYING: 'NOTPAY',
  SUCCESS: 'SUCCESS',
  REFUND: 'SUCCESS',
  CLOSED: 'CLOSED',
  REVOKED: 'CLOSED',
  PAYERROR: 'PAYERROR',
};

/** Null when the state is unknown, or a paid transaction lacks its id or time: nothing to act on safely. */
export function toProviderTrade(transaction: WechatPayTransaction): ProviderTrade | null {
  const state = STATES[transaction.trade_state];
  if (!state) return null;
  const paidAt = transaction.success_time ? parseRfc3339(transaction.success_time) : null;
  if (state === 'SUCCESS' && (!transaction.transaction_id || !paidAt)) return null;
  return {
    outTradeNo: transaction.out_trade_no,
    state,
    transactionId: transaction.transaction_id ?? null,
    amountMinor: transaction.amount.total,
    currency: transaction.amount.currency,
    paidAt: paidAt ? paidAt.toISOString() : null,
    // The orders feature tells a declined payment (余额不足) from other failures by these words.
    stateDesc: transaction.trade_state_desc ?? null,
  };
}
