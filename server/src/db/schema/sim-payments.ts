import type { Insertable, Selectable, Updateable } from 'kysely';

export type SimProvider = 'wechatpay' | 'alipay' | 'bankcard';
/** WeChat Pay's trade_state names; the other simulated platforms map theirs onto these. */
export type SimTradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR';

/**
 * A simulated payment platform's own record of a merchant's order (what WeChat Pay, Alipay or the
 * bank keeps on their side). Only the simulated platforms read and write it.
 */
export interface SimPaymentsTable {
  id: string;
  provider: SimProvider;
  merchantId: string;
  outTradeNo: string;
  requestHash: string;
  description: string;
  amountMinor: number;
  currency: string;
  notifyUrl: string;
  payer: string | null;
  prepayId: string;
  state: SimTradeState;
  stateDesc: string | null;
  transactionId: string | null;
  successTime: string | null;
  expiresAt: string | null;
  attach: string | null;
  otpHash: string | null;
  otpExpiresAt: string | null;
  otpSentAt: string | null;
  otpAttempts: number;
  createdAt: string;
}

export type SimPaymentRow = Selectable<SimPaymentsTable>;
export type NewSimPaymentRow = Insertable<SimPaymentsTable>;
export type SimPaymentUpdate = Updateable<SimPaymentsTable>;

export const tableName = 'sim_payments';
export type PartialDatabase = { [tableName]: SimPaymentsTable };
