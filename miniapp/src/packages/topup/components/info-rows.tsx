import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useI18n } from '../../../i18n';

interface InfoRowProps {
  label: string;
  children: ReactNode;
  /** Money and numbers: tabular figures. */
  figure?: boolean;
  /** Emphasised (a total). */
  strong?: boolean;
  className?: string;
}

/** A label on the left, its value right-aligned. */
export function InfoRow({ label, children, figure = false, strong = false, className }: InfoRowProps) {
  return (
    <View className={`info-row${strong ? ' info-row--strong' : ''}${className ? ` ${className}` : ''}`}>
      <Text className="info-row__label">{label}</Text>
      <View className={`info-row__value${figure ? ' info-row__value--figure' : ''}`}>{children}</View>
    </View>
  );
}

/** A long number (商户订单号, 交易单号, 收据号) with a copy button. */
export function CopyableNumber({ value, name, className }: { value: string; name: string; className?: string }) {
  const { t } = useI18n();
  const copy = () => {
    Taro.setClipboardData({ data: value }).then(
      () => void Taro.showToast({ title: t('order.copied'), icon: 'success' }),
      () => undefined,
    );
  };
  return (
    <View className="copyable">
      <Text className={`copyable__value${className ? ` ${className}` : ''}`} userSelect>
        {value}
      </Text>
      <View
        className="copyable__button js-copy"
        ariaRole="button"
        ariaLabel={t('order.copyLabel', { name })}
        onClick={copy}
      >
        {t('order.copy')}
      </View>
    </View>
  );
}
