import { money, type Order } from '@cbc/shared';
import type { OrderRow } from '../db/schema/index';

/** An order as the API shows it; the receipt exists once the order is credited. */
export function toOrder(row: OrderRow): Order {
  const amount = money(Number(row.amountMinor), row.currency);
  const bonus = money(Number(row.bonusMinor), row.currency);
  const total = money(Number(row.totalMinor), row.currency);
  return {
    id: row.id,
    cardId: row.cardId,
    cardType: row.cardType,
    cardNumberMasked: row.cardNumberMasked,
    state: row.state,
    endReason: row.endReason,
    amount,
    bonus,
    total,
    method: row.method,
    promotionId: row.promotionId,
    outTradeNo: row.outTradeNo,
    transactionId: row.transactionId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    paidAt: row.paidAt,
    creditedAt: row.creditedAt,
    endedAt: row.endedAt,
    receipt:
      row.state === 'credited' && row.receiptNo && row.creditedAt && row.transactionId
        ? {
            receiptNo: row.receiptNo,
            issuedAt: row.creditedAt,
            amount,
            bonus,
            total,
            method: row.method,
            cardNumberMasked: row.cardNumberMasked,
            outTradeNo: row.outTradeNo,
            transactionId: row.transactionId,
          }
        : null,
  };
}
