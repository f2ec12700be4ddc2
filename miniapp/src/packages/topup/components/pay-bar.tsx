import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { formatMoney, type Currency, type Money } from '@cbc/shared';
import { useI18n } from '../../../i18n';

/** The bar at the foot of 充值: what the card will get (amount plus bonus), and 下一步. */
export function PayBar({
  amountMinor,
  bonus,
  currency,
  ready,
  onNext,
}: {
  amountMinor: number | null;
  bonus: Money | null;
  currency: Currency;
  ready: boolean;
  onNext: () => void;
}) {
  const { t } = useI18n();
  return (
    <View className="pay-bar js-pay-bar">
      <View className="pay-bar__summary">
        {amountMinor !== null && bonus ? (
          <>
            <Text className="pay-bar__total figure js-pay-bar-total">
              {t('topup.totalPreview', {
                total: formatMoney({ amountMinor: amountMinor + bonus.amountMinor, currency }),
              })}
            </Text>
            {bonus.amountMinor > 0 ? (
              <Text className="pay-bar__bonus figure">{t('topup.withBonus', { bonus: formatMoney(bonus) })}</Text>
            ) : null}
          </>
        ) : (
          <Text className="pay-bar__hint">{t('topup.chooseFirst')}</Text>
        )}
      </View>
      <Button
        type="primary"
        size="large"
        disabled={!ready}
        className="pay-bar__button js-topup-next"
        ariaRole="button"
        onClick={onNext}
      >
        {t('topup.next')}
      </Button>
    </View>
  );
}
