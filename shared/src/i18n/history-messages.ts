import type { Language } from './languages';
import { formatMessage, type MessageParams } from './format';

/**
 * Words of the transaction history that the server writes into its replies (titles of entries), its
 * CSV export (header row, kinds, file name) and its error parameters; the miniapp shows the same kind
 * names from here. One catalog per language with the same keys (checked in the tests).
 */
const zhHans = {
  'kind.topup': '充值',
  'kind.bonus': '充值赠送',
  'kind.trip': '通行扣费',
  /** Titles of entries: the payment method of a top-up or its bonus; trips use the segment's name. */
  'title.topup': '{method}充值',
  'title.bonus': '{method}充值赠送',
  /** A trip whose sample segment is no longer in the list. */
  'title.trip': '通行扣费',
  'channel.sms': '短信',
  'channel.email': '电子邮件',
  'csv.time': '时间（UTC+8）',
  'csv.kind': '类型',
  'csv.title': '摘要',
  'csv.amount': '金额',
  'csv.currency': '币种',
  'csv.method': '支付方式',
  'csv.card': '卡号',
  'csv.receiptNo': '收据号',
  'csv.id': '交易编号',
  'csv.fileName': '交易记录',
} as const;

export type HistoryMessageKey = keyof typeof zhHans;

const zhHant: Record<HistoryMessageKey, string> = {
  'kind.topup': '增值',
  'kind.bonus': '增值贈送',
  'kind.trip': '通行扣費',
  'title.topup': '{method}增值',
  'title.bonus': '{method}增值贈送',
  'title.trip': '通行扣費',
  'channel.sms': '短訊',
  'channel.email': '電郵',
  'csv.time': '時間（UTC+8）',
  'csv.kind': '類型',
  'csv.title': '摘要',
  'csv.amount': '金額',
  'csv.currency': '幣種',
  'csv.method': '付款方式',
  'csv.card': '卡號',
  'csv.receiptNo': '收據號碼',
  'csv.id': '交易編號',
  'csv.fileName': '交易紀錄',
};

const en: Record<HistoryMessageKey, string> = {
  'kind.topup': 'Top-up',
  'kind.bonus': 'Top-up bonus',
  'kind.trip': 'Toll',
  'title.topup': 'Top-up by {method}',
  'title.bonus': 'Top-up bonus ({method})',
  'title.trip': 'Toll charged',
  'channel.sms': 'SMS',
  'channel.email': 'e-mail',
  'csv.time': 'Time (UTC+8)',
  'csv.kind': 'Type',
  'csv.title': 'Description',
  'csv.amount': 'Amount',
  'csv.currency': 'Currency',
  'csv.method': 'Payment method',
  'csv.card': 'Card',
  'csv.receiptNo': 'Receipt no.',
  'csv.id': 'Transaction ID',
  'csv.fileName': 'transactions',
};

export const historyMessages: Record<Language, Record<HistoryMessageKey, string>> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en,
};

export function historyText(lang: Language, key: HistoryMessageKey, params?: MessageParams): string {
  return formatMessage(historyMessages[lang][key], params);
}
