import { Text, View } from '@tarojs/components';
import { useI18n } from '../../../i18n';
import type { ResultView } from './result-view';

const STEPS = ['paying', 'paid', 'credited'] as const;

/** 支付中 → 已支付 → 已到账, with the step the order has reached. */
export function ResultSteps({ view }: { view: ResultView }) {
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
