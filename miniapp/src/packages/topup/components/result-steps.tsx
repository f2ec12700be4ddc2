import { Text, View } from '@tarojs/components';
import { useI18n } from '../../../i18n';
import type { ResultView } from './result-view';

const STEPS = ['paying', 'paid', 'credited'] as const;

/**
 * 提交支付 → 支付成功 → 到账成功, with the step the order has reached. Milestones, not the states the
 * page's title names: a done step read 支付处理中 ✓ once the money had arrived.
 */
export function ResultSteps({ view }: { view: ResultView }) {
  const { t } = useI18n();
  // Milestones reached are ticked, the latest in bold; the one the order is on its way to is current.
  const reached = view === 'credited' ? 3 : view === 'paid' ? 2 : 1;
  return (
    <View className="steps js-steps">
      {STEPS.map((step, index) => (
        <View
          key={step}
          className={`steps__item${index < reached ? ' is-done' : ''}${index === reached - 1 ? ' is-latest' : ''}${
            index === reached ? ' is-current' : ''
          }`}
          ariaLabel={t(`result.milestone.${step}`)}
        >
          <View className="steps__dot">{index < reached ? <View className="steps__check" /> : null}</View>
          <Text className="steps__label">{t(`result.milestone.${step}`)}</Text>
          {/* Blue as far as the order has come: the line to a step not reached yet stays grey. */}
          {index < STEPS.length - 1 ? (
            <View className={`steps__line${index + 1 < reached ? ' is-reached' : ''}`} />
          ) : null}
        </View>
      ))}
    </View>
  );
}
