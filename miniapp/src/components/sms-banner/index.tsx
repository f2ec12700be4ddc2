import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import type { ClientMessage } from '../../api';
import { useI18n } from '../../i18n';
import { openMessages } from '../../utils/navigation';
import './index.scss';

/** Like a phone's notification banner: long enough to read a 6-digit code, short enough not to block. */
export const SMS_BANNER_MS = 8_000;

interface Props {
  message: ClientMessage | null;
  onDismiss: () => void;
}

/**
 * The simulated SMS as an incoming-notification banner at the top of the screen. It says it is
 * simulated (sender "模拟短信"); a tap opens the inbox, where the same message is kept.
 */
export function SmsBanner({ message, onDismiss }: Props) {
  const { t } = useI18n();

  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(onDismiss, SMS_BANNER_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);

  if (!message) return null;
  return (
    <View
      className="sms-banner js-sms-banner"
      ariaRole="alert"
      onClick={() => {
        onDismiss();
        openMessages();
      }}
    >
      <View className="sms-banner__icon">
        <View className="sms-banner__bubble" />
      </View>
      <View className="sms-banner__main">
        <View className="sms-banner__head">
          <Text className="sms-banner__sender">{t('sms.sender')}</Text>
          <Text className="sms-banner__time">{t('sms.now')}</Text>
        </View>
        <Text className="sms-banner__body js-sms-banner-body">{message.body}</Text>
        <Text className="sms-banner__open">{t('sms.open')}</Text>
      </View>
    </View>
  );
}
