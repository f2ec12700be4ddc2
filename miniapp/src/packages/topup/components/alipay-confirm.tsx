import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { useI18n } from '../../../i18n';

/** Alipay's sheet first shows the order and the method; 立即付款 moves on to the password. */
export function AlipayConfirm({
  description,
  methodName,
  onPayNow,
}: {
  description: string;
  methodName: string;
  onPayNow: () => void;
}) {
  const { t } = useI18n();
  return (
    <View className="sheet-confirm">
      <View className="sheet-rows">
        <View className="sheet-row">
          <Text className="sheet-row__label">{t('cashier.orderInfo')}</Text>
          <Text className="sheet-row__value">{description}</Text>
        </View>
        <View className="sheet-row">
          <Text className="sheet-row__label">{t('topup.method')}</Text>
          <Text className="sheet-row__value">{t('cashier.methodSimulated', { method: methodName })}</Text>
        </View>
      </View>
      <Button type="primary" size="large" block className="js-alipay-pay-now" ariaRole="button" onClick={onPayNow}>
        {t('cashier.payNow')}
      </Button>
    </View>
  );
}
