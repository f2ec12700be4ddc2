import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import type { PaymentReply } from '@cbc/shared';
import { z } from 'zod';
import { request, toApiError, type ApiError } from '../../../../api';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { BrokenLink, ErrorState, LoadFailed, LoadingSkeleton } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { thenSentence, useI18n } from '../../../../i18n';
import { cashierSession, settleCashierSession, type PaymentResult } from '../../../../payments/cashier-session';
import { openOrderDetail, showTopupResult } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { CashierSheet } from '../../components/cashier-sheet';
import '../../components/topup.scss';
import './index.scss';

const orderIdParam = z.uuid();

/**
 * The simulated cashier: a bottom sheet shaped like the chosen method's payment sheet (WeChat Pay:
 * password pad; Alipay: confirm, then password; bank cards: a one-time code from the inbox), in the
 * app's own colours and marked 模拟 all over. It answers the payment adapter that opened it like
 * `requestPayment` does; closing it (✕ or Back) is a cancel.
 */
export default function CashierPage() {
  const { lang, t } = useI18n();
  const { loggedIn } = useSession();
  const router = useRouter();
  const session = router.params.session;
  const orderId = orderIdParam.safeParse(router.params.orderId);
  usePageTitle(t('cashier.title'));
  const back = useWaysBack();

  // Handed over by the adapter; a cashier opened without its caller (a reloaded tab) asks the server.
  const [handedOver] = useState(() => cashierSession(session));
  const [reply, setReply] = useState<PaymentReply | null>(handedOver ?? null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  // The cashier's answer, delivered to the waiting caller once this page has gone (see useUnload).
  const answer = useRef<PaymentResult | null>(null);

  const fetchReply = useCallback(() => {
    if (!orderId.success || !loggedIn) return;
    request('payOrder', { lang, params: { id: orderId.data } }).then(setReply, (caught: unknown) =>
      setLoadError(toApiError(caught)),
    );
  }, [orderId.success, orderId.data, lang, loggedIn]);

  useEffect(() => {
    if (!handedOver) fetchReply();
  }, [handedOver, fetchReply]);

  const retry = () => {
    setLoadError(null);
    fetchReply();
  };

  const finish = useCallback(
    (result: PaymentResult) => {
      if (answer.current) return;
      answer.current = result;
      if (handedOver && session) {
        // Back to the page that asked for the payment; it hears the answer when this page unloads.
        Taro.navigateBack().catch(() => settleCashierSession(session, result));
      } else if (orderId.success) {
        showTopupResult(orderId.data, result, 'replace');
      }
    },
    [handedOver, session, orderId.success, orderId.data],
  );

  // The answer goes out only once this page is gone, so the caller's next navigation (to the result
  // page) never races the way back. Leaving by the system Back button or a swipe closes the sheet:
  // a cancel, as in a payment app.
  useUnload(() => {
    if (!handedOver || !session) return;
    const result = answer.current ?? 'cancel';
    setTimeout(() => settleCashierSession(session, result), 0);
  });

  let content;
  if (!loggedIn) {
    content = <LoginPrompt title={t('orders.loginTitle')} body={t('orders.loginBody')} />;
  } else if (!orderId.success) {
    content = <BrokenLink hint={t('state.badOrderLink')} back={back.orders} />;
  } else if (reply) {
    content = <CashierSheet reply={reply} onDone={finish} />;
  } else if (loadError?.status === 404) {
    content = <LoadFailed error={loadError} onRetry={retry} back={back.orders} />;
  } else if (loadError) {
    // 409: the order was paid, closed or cancelled meanwhile; anything else may pass on a retry.
    const ended = loadError.status === 409;
    content = (
      <ErrorState
        error={loadError}
        description={ended ? thenSentence(lang, loadError.message, t('cashier.endedHint')) : undefined}
        title={ended ? t('cashier.endedTitle') : undefined}
        onRetry={ended ? undefined : retry}
        settled={ended}
      >
        <Button
          ariaRole="button"
          type="default"
          className="query-state__action js-open-order"
          onClick={() => openOrderDetail(orderId.data)}
        >
          {t('result.viewOrder')}
        </Button>
      </ErrorState>
    );
  } else {
    content = <LoadingSkeleton count={1} rows={4} />;
  }

  return (
    <View className="cashier-page js-page-cashier">
      <View className="cashier-page__backdrop">
        <Text className="cashier-page__watermark">{t('cashier.title')}</Text>
      </View>
      <View className={reply ? 'cashier-page__dock' : 'cashier-page__plain'}>{content}</View>
    </View>
  );
}
