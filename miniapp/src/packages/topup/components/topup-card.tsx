import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, type TopupOptions } from '@cbc/shared';
import { SampleTag, cardGradient } from '../../../components/bound-card';
import { useI18n } from '../../../i18n';
import { noBreak } from '../../../utils/no-break';

/** The card being topped up: its colour, name (示例 for a sample card), masked number and balance. */
export function TopupCard({ options }: { options: TopupOptions }) {
  const { lang, t } = useI18n();
  const card = CARDS[options.cardType];
  return (
    <View className="panel topup-card js-topup-card">
      <View className="topup-card__swatch" style={{ background: cardGradient(card.color) }} />
      <View className="topup-card__main">
        <View className="topup-card__title">
          <Text className="topup-card__name">{card.name[lang]}</Text>
          {options.cardSample ? <SampleTag /> : null}
        </View>
        <Text className="topup-card__number figure js-topup-card-number">{noBreak(options.cardNumberMasked)}</Text>
      </View>
      <View className="topup-card__balance">
        <Text className="topup-card__label">{t('topup.balance')}</Text>
        <Text className="topup-card__amount figure js-topup-balance">{formatMoney(options.balance)}</Text>
      </View>
    </View>
  );
}
