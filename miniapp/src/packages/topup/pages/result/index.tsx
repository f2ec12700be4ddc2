import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { z } from 'zod';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationNotice } from '../../../../components/notices';
import { BrokenLink, LoadFailed, LoadingSkeleton } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import type { PaymentResult } from '../../../../payments/request-payment';
import { openMessages } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { NewBalance } from '../../components/new-balance';
import { OrderFigures } from '../../components/order-figures';
import { ReceiptView } from '../../components/receipt';
import { ResultActions } from '../../components/result-actions';
import { ResultHead } from '../../components/result-head';
import { viewOf } from '../../components/result-view';
import { useOrderActions } from '../../components/use-order-actions';
import { usePolledOrder } from '../../components/use-polled-order';
import '../../components/topup.scss';
import './index.scss';

const resultParams = z.object({
  orderId: z.uuid(),
  outcome: z.enum(['ok', 'cancel', 'fail', 'timeout']).optional(),
});

export default function TopupResultPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const params = resultParams.safeParse(router.params);
  usePageTitle(t('result.title'));
  const back = useWaysBack();

  const [outcome, setOutcome] = useState<PaymentResult | undefined>(params.success ? params.data.outcome : undefined);
  const polled = usePolledOrder(params.success ? params.data.orderId : null, (order) => {
    const view = viewOf(order, outcome);
    return view === 'processing' || view === 'paid';
  });
  // Paid again from here: this page follows the new attempt.
  const actions = useOrderActions((_, result) => setOutcome(result), polled.reload);
  const actionError = actions.error;

  if (!loggedIn) {
    return (
      <View className={`page topup-result js-page-topup-result ${textSize}`}>
        <LoginPrompt title={t('orders.loginTitle')} body={t('orders.loginBody')} />
      </View>
    );
  }
  if (!params.success) {
    return (
      <View className={`page topup-result js-page-topup-result ${textSize}`}>
        <BrokenLink hint={t('state.badOrderLink')} back={back.orders} />
      </View>
    );
  }

  const order = polled.order;
  let content;
  if (polled.status === 'loading') {
    content = <LoadingSkeleton count={2} rows={3} />;
  } else if (!order) {
    content = <LoadFailed error={polled.error} onRetry={polled.reload} back={back.orders} />;
  } else {
    const view = viewOf(order, outcome);
    content = (
      <View className={`js-result js-result-${view}`}>
        <ResultHead
          view={view}
          order={order}
          outcome={outcome}
          polling={polled.polling}
          pollFailed={polled.error !== null}
        />

        {actionError ? (
          <View className="topup-error js-form-error" ariaRole="alert">
            {actionError.message}
          </View>
        ) : null}

        {view === 'credited' ? (
          <>
            <NewBalance cardId={order.cardId} />
            {order.receipt ? <ReceiptView receipt={order.receipt} card={order.cardType} /> : null}
            <View className="receipt-sent js-receipt-sent">
              <Text className="receipt-sent__text">{t('result.receiptSent')}</Text>
              <View className="receipt-sent__link js-open-messages" ariaRole="button" onClick={openMessages}>
                {t('cashier.openMessages')}
              </View>
            </View>
          </>
        ) : (
          <OrderFigures order={order} />
        )}

        <View className="result-actions">
          <ResultActions view={view} order={order} actions={actions} />
        </View>
        <SimulationNotice />
      </View>
    );
  }

  return <View className={`page topup-result js-page-topup-result ${textSize}`}>{content}</View>;
}
