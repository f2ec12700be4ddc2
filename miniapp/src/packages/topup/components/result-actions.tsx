import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import type { Order } from '@cbc/shared';
import { useI18n } from '../../../i18n';
import { backToTopupAmount, leaveTopupFlow, openOrderDetail } from '../../../utils/navigation';
import type { ResultView } from './result-view';
import { UnpaidOrderButtons } from './unpaid-order-buttons';
import type { OrderActions } from './use-order-actions';

/**
 * The result's two buttons: an unpaid order is paid or cancelled here; a failed or closed one offers
 * 再充一次 (another method when funds were short); otherwise 查看订单 and 完成.
 */
export function ResultActions({ view, order, actions }: { view: ResultView; order: Order; actions: OrderActions }) {
  const { t } = useI18n();
  const viewOrder = (
    <Button
      type="default"
      size="large"
      className="js-open-order"
      ariaRole="button"
      onClick={() => openOrderDetail(order.id)}
    >
      {t('result.viewOrder')}
    </Button>
  );

  if (view === 'unpaid') {
    return (
      <View className="action-pair">
        <UnpaidOrderButtons orderId={order.id} actions={actions} />
      </View>
    );
  }
  if (view === 'failed' || view === 'closed') {
    return (
      <View className="action-pair">
        {viewOrder}
        <Button
          type="primary"
          size="large"
          className="js-topup-again"
          ariaRole="button"
          onClick={() => backToTopupAmount(order.cardId, order.amount.amountMinor)}
        >
          {view === 'failed' && order.endReason === 'insufficient_funds'
            ? t('result.otherMethod')
            : t('result.topupAgain')}
        </Button>
      </View>
    );
  }
  return (
    <View className="action-pair">
      {viewOrder}
      <Button
        type={view === 'credited' ? 'primary' : 'default'}
        size="large"
        className="js-result-done"
        ariaRole="button"
        onClick={leaveTopupFlow}
      >
        {t('result.done')}
      </Button>
    </View>
  );
}
