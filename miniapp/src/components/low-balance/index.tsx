import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, type BoundCard } from '@cbc/shared';
import { useCachedQuery } from '../../api';
import { useI18n } from '../../i18n';
import './index.scss';

/**
 * Under a bound card on the home page: the low-balance warning with a one-tap 充值, shown only when
 * the card's reminder says the balance is under its threshold (GET /cards/:id/reminder).
 */
export function LowBalanceWarning({ card, onTopup, shown }: { card: BoundCard; onTopup: () => void; shown: number }) {
  const { lang, t } = useI18n();
  const reminder = useCachedQuery('getReminder', card.verification === 'verified' ? { params: { id: card.id } } : null);
  // `shown` grows each time the home page shows again: a trip or a top-up may have moved the balance.
  const { reload } = reminder;
  const firstShown = useRef(shown);
  useEffect(() => {
    if (shown !== firstShown.current) void reload();
  }, [shown, reload]);
  const data = reminder.data;
  if (!data?.below || !data.threshold) return null;
  const cardName = `${CARDS[card.type].name[lang]} ${card.numberMasked.slice(-4)}`;
  return (
    <View className={`low-balance js-low-balance js-low-balance-${card.id}`} ariaRole="alert">
      <View className="low-balance__icon">!</View>
      <Text className="low-balance__text">{t('home.lowBalance', { threshold: formatMoney(data.threshold) })}</Text>
      <View
        className="low-balance__topup js-low-balance-topup"
        ariaRole="button"
        ariaLabel={t('home.lowBalanceTopup', { card: cardName })}
        onClick={onTopup}
      >
        {t('cards.topup')}
      </View>
    </View>
  );
}
