import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, isPayable, PAYMENT_METHOD_NAMES, type Order } from '@cbc/shared';
import { Joined } from '../../../components/joined';
import { formatDateTime, useI18n } from '../../../i18n';
import { openOrderDetail } from '../../../utils/navigation';
import { MethodIcon } from './method-icon';
import { OrderStateTag } from './order-status';
import { UnpaidOrderButtons } from './unpaid-order-buttons';
import type { OrderActions } from './use-order-actions';
import './order-item.scss';

/** One order as 我的订单 lists it: card, time, method, amount and state; an unpaid one with its pay-by time and buttons. */
export function OrderItem({ order, actions }: { order: Order; actions: OrderActions }) {
  const { lang, t } = useI18n();
  const payable = isPayable(order);
  return (
    <View className={`panel order-item js-order js-order-${order.id}`}>
      <View className="order-item__main js-open-order" ariaRole="button" onClick={() => openOrderDetail(order.id)}>
        <View className="order-item__lead">
          <MethodIcon method={order.method} />
          <View className="order-item__text">
            <View className="order-item__title">
              <Text className="order-item__card">{CARDS[order.cardType].name[lang]}</Text>
              <Text className="order-item__number figure">{order.cardNumberMasked.slice(-4)}</Text>
            </View>
            <Joined
              className="order-item__meta figure"
              parts={[formatDateTime(lang, Date.parse(order.createdAt)), PAYMENT_METHOD_NAMES[order.method][lang]]}
            />
          </View>
        </View>
        <View className="order-item__side">
          <Text className="order-item__amount figure js-order-amount">{formatMoney(order.amount)}</Text>
          <OrderStateTag order={order} />
        </View>
      </View>
      {payable ? (
        <View className="order-item__actions">
          <Text className="order-item__pay-by figure">
            {t('orders.payBy', { time: formatDateTime(lang, Date.parse(order.expiresAt)) })}
          </Text>
          <UnpaidOrderButtons orderId={order.id} actions={actions} inList />
        </View>
      ) : null}
    </View>
  );
}
