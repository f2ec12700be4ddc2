import { Text, View } from '@tarojs/components';
import { UNPAID_ORDERS_SHOWN, type Order } from '@cbc/shared';
import { useI18n } from '../../../i18n';
import { openOrders, showTopupResult } from '../../../utils/navigation';
import { OrderItem } from './order-item';
import { useOrderActions } from './use-order-actions';

/**
 * The card's orders still waiting for payment, on top of 充值: a second order of the same amount would
 * count against the month's cap twice, so the ones already made come first, each payable or cancellable.
 */
export function UnpaidOrders({
  cardId,
  orders,
  onChanged,
}: {
  cardId: string;
  orders: readonly Order[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const actions = useOrderActions((orderId, result) => showTopupResult(orderId, result, 'push'), onChanged);
  if (orders.length === 0) return null;
  // The server sends the newest few: at that many there may be more than it sent.
  const maybeMore = orders.length >= UNPAID_ORDERS_SHOWN;
  let title = t('topup.unpaidOne');
  if (maybeMore) title = t('topup.unpaidSeveral');
  else if (orders.length > 1) title = t('topup.unpaidMany', { count: orders.length });
  return (
    <View className="unpaid-orders js-unpaid-orders">
      <Text className="unpaid-orders__title">{title}</Text>
      <Text className="unpaid-orders__hint">{t('topup.unpaidHint')}</Text>
      {actions.error ? (
        <View className="topup-error js-unpaid-orders-error" ariaRole="alert">
          {actions.error.message}
        </View>
      ) : null}
      {orders.map((order) => (
        <OrderItem key={order.id} order={order} actions={actions} />
      ))}
      {maybeMore ? (
        <View className="unpaid-orders__all js-unpaid-orders-all" ariaRole="link" onClick={() => openOrders(cardId)}>
          {t('topup.unpaidAll')}
        </View>
      ) : null}
    </View>
  );
}
