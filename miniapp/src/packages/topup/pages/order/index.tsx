import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import { CARDS, formatMoney, isPayable, PAYMENT_METHOD_NAMES, type Order } from '@cbc/shared';
import { z } from 'zod';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { BrokenLink, LoadFailed, LoadingSkeleton } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { formatDateTime, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openTopup, showTopupResult } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { CopyRow, InfoRow } from '../../../../components/info-rows';
import { MethodIcon } from '../../components/method-icon';
import { OrderTotalRow } from '../../components/order-figures';
import { OrderStateTag } from '../../components/order-status';
import { ReceiptView } from '../../components/receipt';
import { UnpaidOrderButtons } from '../../components/unpaid-order-buttons';
import { useOrderActions, type OrderActions } from '../../components/use-order-actions';
import { usePolledOrder } from '../../components/use-polled-order';
import '../../components/topup.scss';
import './index.scss';
import { noBreak } from '../../../../utils/no-break';

const orderIdParam = z.uuid();

function OrderBody({ order, actions, polling }: { order: Order; actions: OrderActions; polling: boolean }) {
  const { lang, t } = useI18n();
  const time = (iso: string) => formatDateTime(lang, Date.parse(iso));
  const payable = isPayable(order);

  return (
    <View className="js-order-detail">
      <View className="panel order-head">
        <View className="order-head__top">
          <MethodIcon method={order.method} />
          <View className="order-head__text">
            <Text className="order-head__card">{CARDS[order.cardType].name[lang]}</Text>
            <Text className="order-head__number figure">{noBreak(order.cardNumberMasked)}</Text>
          </View>
          <OrderStateTag order={order} />
        </View>
        <View className="order-head__amount-row">
          <Text className="order-head__amount figure js-order-detail-amount">{formatMoney(order.amount)}</Text>
          <SimulationBadge />
        </View>
        {order.state === 'paid' ? <Text className="order-head__note">{t('result.dontPayAgain')}</Text> : null}
        {polling ? <Text className="order-head__refresh">{t('result.autoRefresh')}</Text> : null}
      </View>

      <View className="panel order-rows">
        <InfoRow label={t('topup.amount')} figure>
          <Text>{formatMoney(order.amount)}</Text>
        </InfoRow>
        <InfoRow label={t('topup.bonus')} figure>
          <Text className={order.bonus.amountMinor > 0 ? 'info-row__bonus' : ''}>{formatMoney(order.bonus)}</Text>
        </InfoRow>
        <OrderTotalRow order={order} className="js-order-detail-total" />
        <InfoRow label={t('topup.method')}>
          <Text>{PAYMENT_METHOD_NAMES[order.method][lang]}</Text>
        </InfoRow>
      </View>

      <View className="panel order-rows">
        <InfoRow label={t('order.state')}>
          <Text className="js-order-detail-state">{t(`order.state.${order.state}`)}</Text>
          {order.endReason ? <Text className="info-row__sub">{t(`order.endReason.${order.endReason}`)}</Text> : null}
        </InfoRow>
        <CopyRow label={t('order.outTradeNo')} value={order.outTradeNo} className="js-order-out-trade-no" />
        {order.transactionId ? (
          <CopyRow label={t('order.transactionId')} value={order.transactionId} className="js-order-transaction-id" />
        ) : (
          <InfoRow label={t('order.transactionId')}>
            <Text className="info-row__sub">{t('order.pendingTransaction')}</Text>
          </InfoRow>
        )}
        <InfoRow label={t('order.createdAt')} figure>
          <Text>{time(order.createdAt)}</Text>
        </InfoRow>
        {payable ? (
          <InfoRow label={t('order.expiresAt')} figure>
            <Text className="order-rows__due">{time(order.expiresAt)}</Text>
          </InfoRow>
        ) : null}
        {order.paidAt ? (
          <InfoRow label={t('order.paidAt')} figure>
            <Text>{time(order.paidAt)}</Text>
          </InfoRow>
        ) : null}
        {order.creditedAt ? (
          <InfoRow label={t('order.creditedAt')} figure>
            <Text>{time(order.creditedAt)}</Text>
          </InfoRow>
        ) : null}
        {order.endedAt ? (
          <InfoRow label={t('order.endedAt')} figure>
            <Text>{time(order.endedAt)}</Text>
          </InfoRow>
        ) : null}
      </View>

      {order.receipt ? (
        <ReceiptView receipt={order.receipt} card={order.cardType} />
      ) : order.state === 'paid' ? (
        <View className="panel order-pending-receipt js-receipt-pending">{t('order.receiptPending')}</View>
      ) : null}

      {actions.error ? (
        <View className="topup-error js-form-error" ariaRole="alert">
          {actions.error.message}
        </View>
      ) : null}

      {payable ? (
        <View className="action-pair order-actions">
          <UnpaidOrderButtons orderId={order.id} actions={actions} />
        </View>
      ) : order.state === 'failed' || order.state === 'closed' ? (
        <View className="order-actions">
          <Button
            type="primary"
            size="large"
            block
            className="js-topup-again"
            ariaRole="button"
            onClick={() => openTopup(order.cardId, order.amount.amountMinor)}
          >
            {t('result.topupAgain')}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** One order with every number on it, and its e-receipt once credited. */
export default function OrderPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const id = orderIdParam.safeParse(router.params.id);
  usePageTitle(t('order.title'));
  const back = useWaysBack();

  // Paid but not credited yet (or an unpaid one the server may still close): follow it.
  const polled = usePolledOrder(
    id.success ? id.data : null,
    (order) => order.state === 'paid' || order.state === 'paying',
  );
  const actions = useOrderActions((orderId, result) => showTopupResult(orderId, result, 'push'), polled.reload);

  let body;
  if (!loggedIn) {
    body = <LoginPrompt title={t('orders.loginTitle')} body={t('orders.loginBody')} />;
  } else if (!id.success) {
    body = <BrokenLink hint={t('state.badOrderLink')} back={back.orders} />;
  } else if (polled.status === 'loading') {
    body = <LoadingSkeleton count={3} rows={3} />;
  } else if (!polled.order) {
    body = <LoadFailed error={polled.error} onRetry={polled.reload} back={back.orders} />;
  } else {
    body = <OrderBody order={polled.order} actions={actions} polling={polled.polling} />;
  }

  return (
    <View className={`page order-page js-page-order ${textSize}`}>
      {body}
      <SimulationNotice />
    </View>
  );
}
