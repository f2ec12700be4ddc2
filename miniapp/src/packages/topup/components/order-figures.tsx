import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, isFinalOrderState, PAYMENT_METHOD_NAMES, type Order } from '@cbc/shared';
import { InfoRow } from '../../../components/info-rows';
import { useI18n } from '../../../i18n';
import { noBreak } from '../../../utils/no-break';

/**
 * What the order puts (or was to put) on the card. An order that ended without money moving (closed,
 * failed) says the total did not arrive, in plain weight: a bold "到账金额" there read as money received.
 */
export function OrderTotalRow({ order, className }: { order: Order; className?: string }) {
  const { t } = useI18n();
  const ended = isFinalOrderState(order.state) && order.state !== 'credited';
  return (
    <InfoRow label={t(ended ? 'topup.totalNotCredited' : 'topup.total')} figure strong={!ended}>
      <Text className={className}>{formatMoney(order.total)}</Text>
    </InfoRow>
  );
}

/** An order not (yet) credited: amount, bonus, total, method and card. */
export function OrderFigures({ order }: { order: Order }) {
  const { lang, t } = useI18n();
  return (
    <View className="panel result-rows">
      <InfoRow label={t('topup.amount')} figure>
        <Text className="js-result-amount">{formatMoney(order.amount)}</Text>
      </InfoRow>
      {order.bonus.amountMinor > 0 ? (
        <InfoRow label={t('topup.bonus')} figure>
          <Text className="info-row__bonus">{formatMoney(order.bonus)}</Text>
        </InfoRow>
      ) : null}
      <OrderTotalRow order={order} />
      <InfoRow label={t('topup.method')}>
        <Text>{PAYMENT_METHOD_NAMES[order.method][lang]}</Text>
      </InfoRow>
      <InfoRow label={t('order.card')}>
        <Text>{CARDS[order.cardType].name[lang]}</Text>
        <Text className="info-row__sub info-row__mono">{noBreak(order.cardNumberMasked)}</Text>
      </InfoRow>
    </View>
  );
}
