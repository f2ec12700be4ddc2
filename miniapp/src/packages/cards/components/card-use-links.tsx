import { Text, View } from '@tarojs/components';
import { useI18n } from '../../../i18n';
import { openCardHistory, openPlanner, openTrip } from '../../../utils/navigation';

/** A tappable row that opens another page (模拟通行, 交易记录, 规划充值周期). */
function LinkRow({ label, className, onClick }: { label: string; className: string; onClick: () => void }) {
  return (
    <View className={`use-link ${className}`} ariaRole="button" onClick={onClick}>
      <Text className="use-link__label">{label}</Text>
      <View className="use-link__chevron" />
    </View>
  );
}

/** Where a verified card is used: a simulated trip, its transactions and the top-up planner. */
export function CardUseLinks({ cardId }: { cardId: string }) {
  const { t } = useI18n();
  return (
    <View className="panel use-links js-card-use">
      <Text className="use-links__title">{t('cardDetail.useTitle')}</Text>
      <LinkRow label={t('cardDetail.trip')} className="js-card-trip" onClick={() => openTrip(cardId)} />
      <LinkRow label={t('cardDetail.history')} className="js-card-history" onClick={() => openCardHistory(cardId)} />
      <LinkRow label={t('cardDetail.planner')} className="js-card-planner" onClick={() => openPlanner(cardId)} />
    </View>
  );
}
