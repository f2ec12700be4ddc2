import { Text, View } from '@tarojs/components';
import { formatMoney, type TopupOptions } from '@cbc/shared';
import { useI18n } from '../../../i18n';

/** The card's monthly top-up cap: what is left, a bar of what is used, and a note once it is spent. */
export function MonthlyCap({ options }: { options: TopupOptions }) {
  const { t } = useI18n();
  const cap = options.monthlyCap.amountMinor;
  const used = Math.min(options.monthlyUsed.amountMinor, cap);
  const percent = cap > 0 ? Math.round((used / cap) * 100) : 100;
  const exhausted = options.monthlyRemaining.amountMinor < options.min.amountMinor;
  return (
    <View className="panel monthly js-monthly">
      <View className="monthly__head">
        <Text className="monthly__title">{t('topup.monthly')}</Text>
        <Text className="monthly__left figure js-monthly-remaining">
          {t('topup.monthlyRemaining', { remaining: formatMoney(options.monthlyRemaining) })}
        </Text>
      </View>
      <View
        className="monthly__bar"
        ariaRole="progressbar"
        ariaValuenow={percent}
        ariaValuemin={0}
        ariaValuemax={100}
        ariaLabel={t('topup.monthly')}
      >
        <View className={`monthly__fill${exhausted ? ' is-full' : ''}`} style={{ width: `${percent}%` }} />
      </View>
      <Text className="monthly__used figure">
        {t('topup.monthlyUsed', { used: formatMoney(options.monthlyUsed), cap: formatMoney(options.monthlyCap) })}
      </Text>
      {exhausted ? (
        <Text className="monthly__exhausted js-monthly-exhausted">{t('topup.monthlyExhausted')}</Text>
      ) : null}
    </View>
  );
}
