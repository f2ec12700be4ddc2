import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CARDS, formatMoney, PAYMENT_METHOD_NAMES, type Order } from '@cbc/shared';
import { z } from 'zod';
import { useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { formatDateTime, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import type { PaymentResult } from '../../../../payments/request-payment';
import {
  backToTopupAmount,
  leaveTopupFlow,
  openMessages,
  openOrderDetail,
  openOrders,
} from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { InfoRow } from '../../../../components/info-rows';
import { ReceiptView } from '../../components/receipt';
import { useOrderActions } from '../../components/use-order-actions';
import { usePolledOrder } from '../../components/use-polled-order';
import '../../components/topup.scss';
import './index.scss';

const resultParams = z.object({
  orderId: z.uuid(),
  outcome: z.enum(['ok', 'cancel', 'fail', 'timeout']).optional(),
});

type ResultView = 'processing' | 'paid' | 'credited' | 'failed' | 'closed' | 'unpaid';

/**
 * What the page shows: the order's state decides; for an order not yet paid, the cashier's answer
 * says whether money may be on its way (paid, or no answer: keep checking, do not pay again) or not
 * (closed, failed to start: pay or cancel).
 */
function viewOf(order: Order, outcome: PaymentResult | undefined): ResultView {
  switch (order.state) {
    case 'credited':
      return 'credited';
    case 'paid':
      return 'paid';
    case 'failed':
      return 'failed';
    case 'closed':
      return 'closed';
    default:
      return outcome === 'ok' || outcome === 'timeout' ? 'processing' : 'unpaid';
  }
}

const STEPS = ['paying', 'paid', 'credited'] as const;

function Steps({ view }: { view: ResultView }) {
  const { t } = useI18n();
  const current = view === 'credited' ? 2 : view === 'paid' ? 1 : 0;
  return (
    <View className="steps js-steps">
      {STEPS.map((step, index) => (
        <View
          key={step}
          className={`steps__item${index < current ? ' is-done' : ''}${index === current ? ' is-current' : ''}`}
          ariaLabel={t(`result.step.${step}`)}
        >
          <View className="steps__dot">
            {index < current || view === 'credited' ? <View className="steps__check" /> : null}
          </View>
          <Text className="steps__label">{t(`result.step.${step}`)}</Text>
          {index < STEPS.length - 1 ? <View className="steps__line" /> : null}
        </View>
      ))}
    </View>
  );
}

function OrderFigures({ order }: { order: Order }) {
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
      <InfoRow label={t('topup.total')} figure strong>
        <Text>{formatMoney(order.total)}</Text>
      </InfoRow>
      <InfoRow label={t('topup.method')}>
        <Text>{PAYMENT_METHOD_NAMES[order.method][lang]}</Text>
      </InfoRow>
      <InfoRow label={t('order.card')}>
        <Text>{CARDS[order.cardType].name[lang]}</Text>
        <Text className="info-row__sub info-row__mono">{order.cardNumberMasked}</Text>
      </InfoRow>
    </View>
  );
}

function NewBalance({ cardId }: { cardId: string }) {
  const { t } = useI18n();
  const card = useCachedQuery('getCard', { params: { id: cardId } });
  return (
    <View className="panel new-balance js-new-balance">
      <View className="new-balance__head">
        <Text className="new-balance__label">{t('result.newBalance')}</Text>
        <SimulationBadge />
      </View>
      {card.data ? (
        <Text className="new-balance__amount figure js-new-balance-amount">{formatMoney(card.data.balance)}</Text>
      ) : card.status === 'error' ? (
        <View className="new-balance__retry js-retry" ariaRole="button" onClick={() => void card.reload()}>
          {t('state.retry')}
        </View>
      ) : (
        <Text className="new-balance__amount new-balance__amount--loading">{t('state.loading')}</Text>
      )}
    </View>
  );
}

export default function TopupResultPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const params = resultParams.safeParse(router.params);
  usePageTitle(t('result.title'));

  const [outcome, setOutcome] = useState<PaymentResult | undefined>(params.success ? params.data.outcome : undefined);
  const polled = usePolledOrder(params.success ? params.data.orderId : null, (order) => {
    const view = viewOf(order, outcome);
    return view === 'processing' || view === 'paid';
  });
  // Paid again from here: this page follows the new attempt.
  const actions = useOrderActions((_, result) => setOutcome(result), polled.reload);
  const busy = actions.busy?.action ?? null;
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
        <ErrorState error={null} title={t('cashier.gone')}>
          <Button
            ariaRole="button"
            type="default"
            className="query-state__action js-open-orders"
            onClick={() => openOrders()}
          >
            {t('orders.title')}
          </Button>
        </ErrorState>
      </View>
    );
  }

  const order = polled.order;
  let content;
  if (polled.status === 'loading') {
    content = <LoadingSkeleton count={2} rows={3} />;
  } else if (!order) {
    content = <ErrorState error={polled.error} onRetry={polled.status === 'error' ? polled.reload : undefined} />;
  } else {
    const view = viewOf(order, outcome);

    let title: string;
    let text: string;
    let warn = false;
    if (view === 'credited') {
      title = t('result.step.credited');
      text = t('result.creditedBody', { total: formatMoney(order.total), card: CARDS[order.cardType].name[lang] });
    } else if (view === 'paid') {
      title = t('result.step.paid');
      text = t('result.paidBody');
      warn = true;
    } else if (view === 'processing') {
      title = t('result.step.paying');
      text = outcome === 'timeout' ? t('result.timeoutBody') : t('result.payingBody');
      warn = true;
    } else if (view === 'failed') {
      title = t('result.failedTitle');
      text = order.endReason === 'insufficient_funds' ? t('result.insufficientBody') : t('result.failedBody');
    } else if (view === 'closed') {
      const cancelled = order.endReason === 'cancelled';
      title = cancelled ? t('result.orderCancelled') : t('result.closedTitle');
      text = cancelled
        ? t('result.cancelledBody')
        : order.endReason === 'expired'
          ? t('result.closedExpiredBody')
          : t('result.closedBody');
    } else {
      title =
        outcome === 'cancel'
          ? t('result.cancelledTitle')
          : outcome === 'fail'
            ? t('result.notCompletedTitle')
            : t('result.unpaidTitle');
      text = t('result.unpaidBody', { time: formatDateTime(lang, Date.parse(order.expiresAt)) });
    }

    const again = () => backToTopupAmount(order.cardId, order.amount.amountMinor);

    let buttons;
    if (view === 'unpaid') {
      buttons = (
        <View className="action-pair">
          <Button
            type="default"
            size="large"
            disabled={busy !== null}
            loading={busy === 'cancel'}
            className="js-cancel-order"
            ariaRole="button"
            onClick={() => void actions.cancel(order.id)}
          >
            {t('result.cancelOrder')}
          </Button>
          <Button
            type="primary"
            size="large"
            disabled={busy !== null}
            loading={busy === 'pay'}
            className="js-continue-pay"
            ariaRole="button"
            onClick={() => void actions.pay(order.id)}
          >
            {t('result.continuePay')}
          </Button>
        </View>
      );
    } else if (view === 'failed' || view === 'closed') {
      buttons = (
        <View className="action-pair">
          <Button
            type="default"
            size="large"
            className="js-open-order"
            ariaRole="button"
            onClick={() => openOrderDetail(order.id)}
          >
            {t('result.viewOrder')}
          </Button>
          <Button type="primary" size="large" className="js-topup-again" ariaRole="button" onClick={again}>
            {view === 'failed' && order.endReason === 'insufficient_funds'
              ? t('result.otherMethod')
              : t('result.topupAgain')}
          </Button>
        </View>
      );
    } else {
      buttons = (
        <View className="action-pair">
          <Button
            type="default"
            size="large"
            className="js-open-order"
            ariaRole="button"
            onClick={() => openOrderDetail(order.id)}
          >
            {t('result.viewOrder')}
          </Button>
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

    content = (
      <View className={`js-result js-result-${view}`}>
        <View className={`panel result-head result-head--${view}`} ariaRole="status">
          <View className="result-head__icon" />
          <Text className="result-head__title js-result-title">{title}</Text>
          <Text className="result-head__text js-result-text">{text}</Text>
          {view === 'processing' || view === 'paid' || view === 'credited' ? <Steps view={view} /> : null}
          {warn ? (
            <View className="dont-pay-again js-dont-pay-again">
              <Text className="dont-pay-again__icon">!</Text>
              <Text className="dont-pay-again__text">{t('result.dontPayAgain')}</Text>
            </View>
          ) : null}
          {polled.polling || (polled.error && warn) ? (
            <Text className="result-head__refresh js-auto-refresh">
              {polled.error ? t('result.refreshFailed') : t('result.autoRefresh')}
            </Text>
          ) : null}
        </View>

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

        <View className="result-actions">{buttons}</View>
        <SimulationNotice />
      </View>
    );
  }

  return <View className={`page topup-result js-page-topup-result ${textSize}`}>{content}</View>;
}
