import { Text, View } from '@tarojs/components';
import { formatMoneyShort, type PromotionView } from '@cbc/shared';
import { formatDate, useI18n } from '../../../i18n';
import { lastDayOf } from './figures';

/** The running promotion: its name, its tiers (满 X 送 Y) and its last day. */
export function PromotionBanner({ promotion }: { promotion: PromotionView }) {
  const { lang, t } = useI18n();
  return (
    <View className="promo js-promotion">
      <View className="promo__head">
        <Text className="promo__tag">{t('topup.promotion')}</Text>
        <Text className="promo__name">{promotion.name}</Text>
      </View>
      <View className="promo__tiers">
        {promotion.tiers.map((tier) => (
          <Text key={tier.minAmount.amountMinor} className="promo__tier">
            {t('topup.promotionTier', { min: formatMoneyShort(tier.minAmount), bonus: formatMoneyShort(tier.bonus) })}
          </Text>
        ))}
      </View>
      <Text className="promo__until js-promotion-until">
        {t('topup.promotionUntil', { date: formatDate(lang, lastDayOf(promotion.endsAt)) })}
      </Text>
    </View>
  );
}
