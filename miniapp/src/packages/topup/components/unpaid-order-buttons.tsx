import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { useI18n } from '../../../i18n';
import type { OrderActions } from './use-order-actions';

/**
 * 取消订单 and 继续支付 for an unpaid order: large on the result and order pages, small in a row of
 * 我的订单 (`inList`, with the list's own test hooks and the shorter 支付). While either runs, both wait.
 */
export function UnpaidOrderButtons({
  orderId,
  actions,
  inList = false,
}: {
  orderId: string;
  actions: OrderActions;
  inList?: boolean;
}) {
  const { t } = useI18n();
  const running = actions.busy?.orderId === orderId ? actions.busy.action : null;
  const size = inList ? 'small' : 'large';
  const extra = inList ? 'order-item__button ' : '';
  const buttons = (
    <>
      <Button
        type="default"
        size={size}
        disabled={actions.busy !== null}
        loading={running === 'cancel'}
        className={`${extra}${inList ? 'js-order-cancel' : 'js-cancel-order'}`}
        ariaRole="button"
        onClick={() => void actions.cancel(orderId)}
      >
        {t('result.cancelOrder')}
      </Button>
      <Button
        type="primary"
        size={size}
        disabled={actions.busy !== null}
        loading={running === 'pay'}
        className={`${extra}${inList ? 'js-order-pay' : 'js-continue-pay'}`}
        ariaRole="button"
        onClick={() => void actions.pay(orderId)}
      >
        {t(inList ? 'orders.pay' : 'result.continuePay')}
      </Button>
    </>
  );
  // In a list row the pair wraps as one group under the pay-by time, main button on the right.
  return inList ? <View className="order-item__buttons">{buttons}</View> : buttons;
}
