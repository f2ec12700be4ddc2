import { Text, View } from '@tarojs/components';
import type { TopupOptions } from '@cbc/shared';
import { useI18n } from '../../../i18n';
import { openOrders, showTopupResult } from '../../../utils/navigation';
import { OrderItem } from './order-item';
import { useOrderActions } from './use-order-actions';

/**
 * The card's orders still waiting for payment, on top of 充值: a second order of the same amount would
 * count against the month's cap twice, so the newest one comes first, payable or cancellable as in
 * 我的订单, with a way to the others. Kept to one order: the amounts must stay in sight below it.
 */
export function UnpaidOrders({
  cardId,
  unpaid,
  onChanged,
}: {
  cardId: string;
  unpaid: TopupOptions['unpaid'];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const actions = useOrderActions((orderId, result) => showTopupResult(orderId, result, 'push'), onChanged);
  const { count, latest } = unpaid;
  if (!latest) return null;
  return (
    <View className="unpaid-orders js-unpaid-orders">
      <Text className="unpaid-orders__title js-unpaid-orders-title">
        {count === 1 ? t('topup.unpaidOne') : t('topup.unpaidMany', { count })}
      </Text>
      <Text className="unpaid-orders__hint">{t('topup.unpaidHint')}</Text>
      {actions.error ? (
        <View className="topup-error js-unpaid-orders-error" ariaRole="alert">
          {actions.error.message}
        </View>
      ) : null}
      <OrderItem order={latest} actions={actions} />
      {count > 1 ? (
        <View className="unpaid-orders__all js-unpaid-orders-all" ariaRole="link" onClick={() => openOrders(cardId)}>
          {t('topup.unpaidAll', { count })}
        </View>
      ) : null}
    </View>
  );
}
