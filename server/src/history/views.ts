import { PAYMENT_METHOD_NAMES, findSegment, historyText, money, type Language, type Transaction } from '@cbc/shared';
import type { LedgerEntryRow } from '../db/schema/index';

/** A trip's segment name in `lang`; the generic word when the sample list no longer has the segment. */
export function segmentName(row: Pick<LedgerEntryRow, 'cardType' | 'segmentId'>, lang: Language): string {
  const segment = row.segmentId ? findSegment(row.cardType, row.segmentId) : undefined;
  return segment?.name[lang] ?? historyText(lang, 'title.trip');
}

/** What a person reads in the list: the segment of a trip, the payment method of a top-up or its bonus. */
export function transactionTitle(row: LedgerEntryRow, lang: Language): string {
  if (row.kind === 'trip') return segmentName(row, lang);
  if (!row.method) return historyText(lang, `kind.${row.kind}`);
  const method = PAYMENT_METHOD_NAMES[row.method][lang];
  return historyText(lang, row.kind === 'bonus' ? 'title.bonus' : 'title.topup', { method });
}

export function toTransaction(row: LedgerEntryRow, lang: Language): Transaction {
  return {
    id: row.id,
    cardId: row.cardId,
    cardType: row.cardType,
    cardNumberMasked: row.cardNumberMasked,
    kind: row.kind,
    amount: money(Number(row.amountMinor), row.currency),
    title: transactionTitle(row, lang),
    receiptNo: row.receiptNo,
    orderId: row.orderId,
    method: row.method,
    createdAt: row.createdAt,
  };
}
