import { Text, View } from '@tarojs/components';
import { Button } from '../button';
import { useI18n } from '../../i18n';
import { openLogin } from '../../utils/navigation';
import './index.scss';

/** What a page that needs an account shows while logged out (or after a 401 ended the session). */
export function LoginPrompt({ title, body }: { title: string; body: string }) {
  const { t } = useI18n();
  return (
    <View className="panel login-prompt js-login-prompt">
      <View className="login-prompt__avatar">
        <View className="login-prompt__head" />
        <View className="login-prompt__body" />
      </View>
      <Text className="login-prompt__title">{title}</Text>
      <Text className="login-prompt__text">{body}</Text>
      <Button
        ariaRole="button"
        type="primary"
        size="large"
        block
        className="login-prompt__button js-login-prompt-button"
        onClick={openLogin}
      >
        {t('me.loginButton')}
      </Button>
    </View>
  );
}
