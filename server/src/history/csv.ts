import {
  PAYMENT_METHOD_NAMES,
  cardLocalTime,
  historyText,
  minorToDecimal,
  type Language,
  type Transaction,
} from '@cbc/shared';
import { stringify } from 'csv-stringify/sync';

const COLUMNS = ['time', 'kind', 'title', 'amount', 'currency', 'method', 'card', 'receiptNo', 'id'] as const;

/**
 * A card's transactions as CSV that Excel opens correctly: UTF-8 with a byte-order mark (without it
 * Excel on Windows reads Chinese as the ANSI code page), CRLF line ends and RFC 4180 quoting done by
 * csv-stringify, not by hand. Money is a decimal string in the card's currency (`-65.00`, never a
 * float), beside a currency column; times are the cards' home time (UTC+8). Every cell comes from the
 * ledger or the catalogs, never from free text a user typed, so no cell can smuggle in a formula.
 */
export function transactionsCsv(transactions: readonly Transaction[], lang: Language): string {
  const records = transactions.map((t) => ({
    time: cardLocalTime(new Date(t.createdAt)),
    kind: historyText(lang, `kind.${t.kind}`),
    title: t.title,
    amount: minorToDecimal(t.amount.amountMinor),
    currency: t.amount.currency,
    method: t.method ? PAYMENT_METHOD_NAMES[t.method][lang] : '',
    card: t.cardNumberMasked,
    receiptNo: t.receiptNo,
    id: t.id,
  }));
  return stringify(records, {
    bom: true,
    header: true,
    record_delimiter: 'windows',
    columns: COLUMNS.map((key) => ({ key, header: historyText(lang, `csv.${key}`) })),
  });
}

/** RFC 5987 `ext-value` characters: encodeURIComponent leaves `'()*!` as they are, which attr-char does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="transactions-1234-….csv"; filename*=UTF-8''交易记录-1234-….csv` (RFC 6266):
 * browsers that read `filename*` save the localized name, older ones the ASCII one.
 */
export function csvContentDisposition(
  cardNumberMasked: string,
  range: { from?: string; to?: string },
  lang: Language,
): string {
  const last4 = cardNumberMasked.replace(/\D/g, '').slice(-4);
  const span = `${range.from ?? 'start'}_${range.to ?? 'now'}`;
  const ascii = `transactions-${last4}-${span}.csv`;
  const localized = `${historyText(lang, 'csv.fileName')}-${last4}-${span}.csv`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(localized)}`;
}
