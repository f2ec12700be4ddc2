import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../../components/button';
import { request } from '../../../../api';
import { useSession } from '../../../../auth';
import { FormError, FormField } from '../../../../components/form-field';
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

const FIELDS = ['phone', 'email', 'password', 'smsCode'] as const;

/** A light check for typos (the server validates with zod's e-mail rule). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function RegisterPage() {
  const { lang, t } = useI18n();
  const { user } = useSession();
  const textSize = useTextSizeClass();
  usePageTitle(t('auth.registerTitle'));
  // Logged in through WeChat without a phone: the server links this phone to that account.
  const linking = user !== null && user.phone === null;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { phone, smsCode, sms, form, formError, edit, submit, submitting, phoneField, codeField } = useSmsCodeForm<
    'email' | 'password'
  >('register', FIELDS);

  const clientErrors = {
    email: email.trim() !== '' && !EMAIL.test(email.trim()) ? t('auth.emailInvalid') : null,
    password: newPasswordError(lang, password),
  };

  const register = () => {
    const trimmedEmail = email.trim();
    const body = { phone: phone.value, ...(trimmedEmail ? { email: trimmedEmail } : {}), password, smsCode };
    return submit(clientErrors, () => request('register', { lang, body }), t('auth.registerSuccess'));
  };

  return (
    <View className={`page account-page js-page-register ${textSize}`}>
      <SmsBanner message={sms.banner} onDismiss={sms.hideBanner} />

      <View className="account-head">
        <Text className="account-head__title">{linking ? t('me.linkPhone') : t('auth.registerTitle')}</Text>
        <Text className="account-head__subtitle">{t('auth.registerSubtitle')}</Text>
      </View>

      {linking ? <View className="link-notice js-link-notice">{t('auth.linkPhoneNotice')}</View> : null}

      <View className="panel account-form">
        <PhoneField {...phoneField} />

        <FormField name="email" label={t('auth.email')} error={form.shown('email', clientErrors.email)}>
          <Input
            className="form-field__input js-email-input"
            placeholderClass="form-field__placeholder"
            type="text"
            maxlength={254}
            value={email}
            placeholder={t('auth.emailPlaceholder')}
            onInput={(event) => edit('email', setEmail)(event.detail.value)}
            onBlur={() => form.touch('email')}
          />
        </FormField>

        <NewPasswordField
          label={t('auth.password')}
          value={password}
          error={form.shown('password', clientErrors.password)}
          onInput={edit('password', setPassword)}
          onBlur={() => form.touch('password')}
        />

        <SmsCodeField {...codeField} />

        <FormError message={formError} />

        <Button
          type="primary"
          size="large"
          block
          loading={submitting}
          disabled={submitting}
          className="account-submit js-register-submit"
          onClick={() => void register()}
        >
          {linking ? t('auth.linkSubmit') : t('auth.registerSubmit')}
        </Button>

        {linking ? null : (
          <View className="account-switch">
            <Text>{t('auth.haveAccount')}</Text>
            <Text className="account-switch__link js-go-login" onClick={switchToLogin}>
              {t('auth.goLogin')}
            </Text>
          </View>
        )}
      </View>

      <SimulationNotice />
    </View>
  );
}
