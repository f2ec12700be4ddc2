import { Text } from '@tarojs/components';
import { useI18n } from '../../../i18n';

/**
 * Under 微信登录 in the browser, where there is no WeChat to log in with: it is simulated. The WeChat
 * build shows nothing there (wechat-hint.weapp.tsx).
 */
export function WechatHint() {
  const { t } = useI18n();
  return <Text className="wechat-hint">{t('auth.wechatSimulated')}</Text>;
}
