import { Text, View } from '@tarojs/components';
import { useI18n } from '../../../i18n';
import type { CashierPhase } from './use-cashier-payment';

/** What the sheet shows while paying and just after: a payment app's own short confirmation. */
export function SheetStatus({
  phase,
  failReason,
}: {
  phase: Exclude<CashierPhase, 'input'>;
  failReason: string | null;
}) {
  const { t } = useI18n();
  const title =
    phase === 'paying'
      ? t('cashier.processing')
      : phase === 'ok'
        ? t('cashier.success')
        : phase === 'fail'
          ? t('cashier.failed')
          : t('cashier.waiting');
  return (
    <View
      className={`sheet-status sheet-status--${phase} js-cashier-status js-cashier-status-${phase}`}
      ariaRole="status"
    >
      <View className="sheet-status__icon" />
      <Text className="sheet-status__title">{title}</Text>
      {phase === 'fail' && failReason ? <Text className="sheet-status__reason">{failReason}</Text> : null}
    </View>
  );
}
