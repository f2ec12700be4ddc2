import { Text } from '@tarojs/components';
import type { Order, OrderState } from '@cbc/shared';
import { useI18n } from '../../../i18n';

export type StatusTone = 'pending' | 'progress' | 'success' | 'muted' | 'danger';

export const STATE_TONES: Record<OrderState, StatusTone> = {
  created: 'pending',
  paying: 'pending',
  paid: 'progress',
  credited: 'success',
  closed: 'muted',
  failed: 'danger',
};

/**
 * The order's state as a coloured tag: 待支付, 已支付，到账中, 已到账, 已关闭, 支付失败; a closed order the user
 * cancelled says 已取消, as its result page does.
 */
export function OrderStateTag({ order, className }: { order: Order; className?: string }) {
  const { t } = useI18n();
  const cancelled = order.state === 'closed' && order.endReason === 'cancelled';
  return (
    <Text
      className={`state-tag state-tag--${STATE_TONES[order.state]} js-order-state js-order-state-${order.state}${
        className ? ` ${className}` : ''
      }`}
    >
      {cancelled ? t('order.endReason.cancelled') : t(`order.state.${order.state}`)}
    </Text>
  );
}
