import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, PAYMENT_METHOD_NAMES, type CardId, type Receipt } from '@cbc/shared';
import { SimulationBadge } from '../../../components/notices';
import { formatDateTime, useI18n } from '../../../i18n';
import { CopyRow, InfoRow } from '../../../components/info-rows';
import { noBreak } from '../../../utils/no-break';

/** The e-receipt of a credited order, like the one e-mailed: every figure and number on it. */
export function ReceiptView({ receipt, card }: { receipt: Receipt; card: CardId }) {
  const { lang, t } = useI18n();
  return (
    <View className="panel receipt js-receipt">
      <View className="receipt__head">
        <Text className="receipt__title">{t('order.receipt')}</Text>
        <SimulationBadge />
      </View>
      <View className="receipt__total">
        <Text className="receipt__total-label">{t('topup.total')}</Text>
        <Text className="receipt__total-amount js-receipt-total">{formatMoney(receipt.total)}</Text>
      </View>
      <View className="receipt__rows">
        <CopyRow label={t('order.receiptNo')} value={receipt.receiptNo} className="js-receipt-no" />
        <InfoRow label={t('order.issuedAt')} figure>
          <Text>{formatDateTime(lang, Date.parse(receipt.issuedAt))}</Text>
        </InfoRow>
        <InfoRow label={t('topup.amount')} figure>
          <Text>{formatMoney(receipt.amount)}</Text>
        </InfoRow>
        <InfoRow label={t('topup.bonus')} figure>
          <Text>{formatMoney(receipt.bonus)}</Text>
        </InfoRow>
        <InfoRow label={t('topup.method')}>
          <Text>{PAYMENT_METHOD_NAMES[receipt.method][lang]}</Text>
        </InfoRow>
        <InfoRow label={t('order.card')}>
          <Text>{CARDS[card].name[lang]}</Text>
          <Text className="info-row__sub info-row__mono">{noBreak(receipt.cardNumberMasked)}</Text>
        </InfoRow>
        <CopyRow label={t('order.outTradeNo')} value={receipt.outTradeNo} className="js-receipt-out-trade-no" />
        <CopyRow label={t('order.transactionId')} value={receipt.transactionId} className="js-receipt-transaction-id" />
      </View>
      <Text className="receipt__foot">{t('order.simReceipt')}</Text>
    </View>
  );
}
