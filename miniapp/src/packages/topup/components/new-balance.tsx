import { Text, View } from '@tarojs/components';
import { formatMoney } from '@cbc/shared';
import { useCachedQuery } from '../../../api';
import { SimulationBadge } from '../../../components/notices';
import { useI18n } from '../../../i18n';

/** The card's balance after a credited top-up, read afresh (with 重试 when that fails). */
export function NewBalance({ cardId }: { cardId: string }) {
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
