import { Text, View } from '@tarojs/components';
import type { Order } from '@cbc/shared';
import { SimulationBadge } from '../../../components/notices';
import { useI18n } from '../../../i18n';
import type { PaymentResult } from '../../../payments/request-payment';
import { ResultSteps } from './result-steps';
import { resultMessage, type ResultView } from './result-view';

/**
 * The top of the result page: what happened in words, the steps while money is on its way (with
 * 请勿重复支付), and whether the page is still checking the order.
 */
export function ResultHead({
  view,
  order,
  outcome,
  polling,
  pollFailed,
}: {
  view: ResultView;
  order: Order;
  outcome: PaymentResult | undefined;
  polling: boolean;
  pollFailed: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { title, text, warn } = resultMessage(view, order, outcome, i18n);
  return (
    <View className={`panel result-head result-head--${view}`} ariaRole="status">
      <View className="result-head__icon" />
      {/* Beside the outcome itself: 到账成功 must never read as a real payment. */}
      <SimulationBadge className="result-head__badge" />
      <Text className="result-head__title js-result-title">{title}</Text>
      <Text className="result-head__text js-result-text">{text}</Text>
      {view === 'processing' || view === 'paid' || view === 'credited' ? <ResultSteps view={view} /> : null}
      {warn ? (
        <View className="dont-pay-again js-dont-pay-again">
          <Text className="dont-pay-again__icon">!</Text>
          <Text className="dont-pay-again__text">{t('result.dontPayAgain')}</Text>
        </View>
      ) : null}
      {polling || (pollFailed && warn) ? (
        <Text className="result-head__refresh js-auto-refresh">
          {pollFailed ? t('result.refreshFailed') : t('result.autoRefresh')}
        </Text>
      ) : null}
    </View>
  );
}
