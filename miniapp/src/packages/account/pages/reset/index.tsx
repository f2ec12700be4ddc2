import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import { request } from '../../../../api';
import { FormError } from '../../../../components/form-field';
import { SimulationNotice } from '../../../../components/notices';
import { SmsBanner } from '../../../../components/sms-banner';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { switchToLogin } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { NewPasswordField } from '../../components/new-password-field';
import { PhoneField } from '../../components/phone-field';
import { SmsCodeField } from '../../components/sms-code-field';
import { newPasswordError } from '../../hooks/use-account-form';
import { useSmsCodeForm } from '../../hooks/use-sms-code-form';
import '../../components/account.scss';

const FIELDS = ['phone', 'smsCode', 'password'] as const;

/**
 * 忘记密码: the phone, the code from the simulated SMS, a new password. The server ends every session of
 * the account and logs this device in, so the user lands back where they were, logged in.
 */
export default function PasswordResetPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  usePageTitle(t('auth.resetTitle'));
  const { params } = useRouter();

  const [password, setPassword] = useState('');
  const { phone, smsCode, sms, form, formError, edit, submit, submitting, phoneField, codeField } =
    useSmsCodeForm<'password'>('reset_password', FIELDS, { region: params.region, number: params.number });

  const clientErrors = { password: newPasswordError(lang, password) };

  const reset = () =>
    submit(
      clientErrors,
      () => request('resetPassword', { lang, body: { phone: phone.value, smsCode, password } }),
      t('auth.resetSuccess'),
    );

  return (
    <View className={`page account-page js-page-reset ${textSize}`}>
      <SmsBanner message={sms.banner} onDismiss={sms.hideBanner} />

      <View className="account-head">
        <Text className="account-head__title">{t('auth.resetTitle')}</Text>
        <Text className="account-head__subtitle">{t('auth.resetSubtitle')}</Text>
      </View>

      <View className="panel account-form">
        <PhoneField {...phoneField} />

        <SmsCodeField {...codeField} />

        <NewPasswordField
          label={t('auth.newPassword')}
          value={password}
          error={form.shown('password', clientErrors.password)}
          onInput={edit('password', setPassword)}
          onBlur={() => form.touch('password')}
        />

        <FormError message={formError} />

        <Button
          type="primary"
          size="large"
          block
          loading={submitting}
          disabled={submitting}
          className="account-submit js-reset-submit"
          onClick={() => void reset()}
        >
          {t('auth.resetSubmit')}
        </Button>

        <View className="account-switch">
          <Text>{t('auth.rememberedPassword')}</Text>
          <Text className="account-switch__link js-go-login" onClick={switchToLogin}>
            {t('auth.goLogin')}
          </Text>
        </View>
      </View>

      <SimulationNotice />
    </View>
  );
}
