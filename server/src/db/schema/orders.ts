import type { CardId, Currency, Language, OrderEndReason, OrderState, PaymentMethod } from '@cbc/shared';
import type { Insertable, Selectable, Updateable } from 'kysely';

/** A top-up order: what the user asked for, what the server priced, and where payment stands. */
export interface OrdersTable {
  id: string;
  userId: string;
  cardId: string;
  cardType: CardId;
  cardNumberMasked: string;
  currency: Currency;
  /** Integer minor units: what is paid, the promotion's bonus, and what the card receives. */
  amountMinor: number;
  bonusMinor: number;
  totalMinor: number;
  method: PaymentMethod;
  promotionId: string | null;
  state: OrderState;
  endReason: OrderEndReason | null;
  /** 商户订单号 sent to the provider: 6–32 of [0-9A-Za-z_-], unique. */
  outTradeNo: string;
  transactionId: string | null;
  idempotencyKey: string | null;
  /** SHA-256 of the creating request's body: the same key with another body is refused. */
  requestHash: string;
  lang: Language;
  receiptSmsTo: string | null;
  receiptEmailTo: string | null;
  createdAt: string;
  expiresAt: string;
  payingAt: string | null;
  paidAt: string | null;
  creditDueAt: string | null;
  creditedAt: string | null;
  endedAt: string | null;
  receiptNo: string | null;
  nextQueryAt: string | null;
  claimedUntil: string | null;
}

export type OrderRow = Selectable<OrdersTable>;
export type NewOrderRow = Insertable<OrdersTable>;
export type OrderRowUpdate = Updateable<OrdersTable>;

export const tableName = 'orders';
export type PartialDatabase = { [tableName]: OrdersTable };
