import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { SampleTag } from '../../../components/bound-card';
import { useI18n } from '../../../i18n';

/** 填入示例 at the top of the bind form, and once used, a note that the fields hold sample data. */
export function SampleFill({ filled, onFill }: { filled: boolean; onFill: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <View className="panel sample-fill js-sample-fill">
        <View className="sample-fill__text">
          <Text className="sample-fill__hint">{t('cardAdd.useSampleHint')}</Text>
        </View>
        <Button
          type="default"
          size="normal"
          className="sample-fill__button js-use-sample"
          ariaRole="button"
          onClick={onFill}
        >
          {t('cardAdd.useSample')}
        </Button>
      </View>
      {filled ? (
        <View className="sample-note js-sample-note" ariaRole="note">
          <SampleTag />
          <Text className="sample-note__text">{t('cardAdd.sampleFilled')}</Text>
        </View>
      ) : null}
    </>
  );
}
