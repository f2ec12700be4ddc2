import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useI18n } from '../../i18n';
import './index.scss';

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

function groupsOfFour(value: string): string[] {
  return value.match(/.{1,4}/gu) ?? [value];
}

/**
 * A long number (商户订单号, 交易单号, 收据号): its label and a copy button on one line, the number
 * on its own full-width line below (they run to 30 digits, too long to share a line with a label).
 */
export function CopyRow({ label, value, className }: { label: string; value: string; className?: string }) {
  const { t } = useI18n();
  const copy = () => {
    Taro.setClipboardData({ data: value }).then(
      () => void Taro.showToast({ title: t('order.copied'), icon: 'success' }),
      () => undefined,
    );
  };
  return (
    <View className="copy-row">
      <View className="copy-row__head">
        <Text className="copy-row__label">{label}</Text>
        <View
          className="copy-row__button js-copy"
          ariaRole="button"
          ariaLabel={t('order.copyLabel', { name: label })}
          onClick={copy}
        >
          {t('order.copy')}
        </View>
      </View>
      <Text className={`copy-row__value${className ? ` ${className}` : ''}`} userSelect>
        {/* Groups of four, spaced by margin rather than characters: the text (and a selection of it) is
            the number itself, and a line breaks only between groups, never two digits off the end. */}
        {groupsOfFour(value).map((group, index) => (
          <Text key={index} className="copy-row__group">
            {group}
          </Text>
        ))}
      </Text>
    </View>
  );
}
