import { Text, View } from '@tarojs/components';
import { Button } from '../button';
import { useI18n } from '../../i18n';

/** Nothing to list: with filters, offer to clear them; without, say how entries come about. */
export function HistoryEmpty({
  filtered,
  onClear,
  onNext,
  nextLabel,
}: {
  filtered: boolean;
  onClear: () => void;
  onNext?: () => void;
  nextLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <View className="panel history-empty js-empty">
      <View className="history-empty__picture">
        <View className="history-empty__slip" />
      </View>
      <Text className="history-empty__title">
        {filtered ? t('history.emptyFilteredTitle') : t('history.emptyTitle')}
      </Text>
      <Text className="history-empty__hint">{filtered ? t('history.emptyFilteredHint') : t('history.emptyHint')}</Text>
      {filtered ? (
        <Button type="default" size="large" block className="js-clear-filters" ariaRole="button" onClick={onClear}>
          {t('history.clearFilters')}
        </Button>
      ) : onNext && nextLabel ? (
        <Button type="primary" size="large" block className="js-empty-next" ariaRole="button" onClick={onNext}>
          {nextLabel}
        </Button>
      ) : null}
    </View>
  );
}
