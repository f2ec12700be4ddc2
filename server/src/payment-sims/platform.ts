import type { Language, PaymentMethod } from '@cbc/shared';
import type { SimProvider } from '../db/schema/index';
import type { NotificationFormat } from './outbox';

/**
 * The payer's side of a simulated payment platform: what the cashier sheet shows and what happens
 * when the user pays there. The server's orders feature never calls this to move an order: only the
 * platform's notification or a query does, exactly as with a real provider.
 */

export interface CashierCredentials {
  /** WeChat Pay and Alipay: any six digits. */
  password?: string;
  /** Bank cards: the one-time code the simulated bank sent to the inbox. */
  smsCode?: string;
  /**
   * A standing agreement (委托代扣 / 免密支付) the payer signed with the platform: the payment needs
   * neither password nor code. Only the server's auto top-up sets it; the cashier route never passes it
   * (its request schema is strict, and it copies only `password` and `smsCode`).
   */
  agreement?: true;
}

/** `timeout`: the platform takes the money but its notification is lost and the client hears nothing. */
export type CashierPayOutcome = 'success' | 'insufficient_funds' | 'timeout';

export interface CashierRecipient {
  userId: string;
  /** Masked phone (or account) the simulated bank SMS is addressed to. */
  to: string;
  lang: Language;
}

export interface SimulatedPlatform {
  provider: SimProvider;
  methods: readonly PaymentMethod[];
  /** How this platform's notifications go on the wire (used by the outbox). */
  notificationFormat: NotificationFormat;
  /** The payer's side of the sheet; null fields where the method has none. */
  sheet(outTradeNo: string): Promise<{ payerCardMasked: string | null; otpRequired: boolean }>;
  /** Bank cards: sends a one-time code to the payer's inbox. Throws SMS_CODE_TOO_SOON when asked again too soon. */
  sendCode?(
    outTradeNo: string,
    recipient: CashierRecipient,
  ): Promise<{ sentTo: string; expiresAt: string; resendAfterSeconds: number }>;
  /**
   * The user confirms on the sheet. Throws an AppError for wrong credentials (SMS_CODE_INVALID …) and
   * when the provider's order cannot be paid (closed, expired). `fail` = declined (insufficient funds).
   */
  pay(outTradeNo: string, outcome: CashierPayOutcome, credentials: CashierCredentials): Promise<'ok' | 'fail'>;
}
