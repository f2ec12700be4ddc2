import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../../components/button';
import type { Session } from '@cbc/shared';
import { request, toApiError } from '../../../../api';
import { startSession } from '../../../../auth';
import { getWechatLoginCode } from '../../../../auth/wechat-login';
import { FormError, FormField } from '../../../../components/form-field';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { leaveAccountFlow, openPasswordReset, openRegister } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { fieldOfError } from '../../../../utils/use-form-errors';
import { PhoneField } from '../../components/phone-field';
import { WechatHint } from '../../components/wechat-hint';
import { useAccountForm } from '../../hooks/use-account-form';
import { phoneFieldProps, usePhoneInput } from '../../hooks/use-phone-input';
import '../../components/account.scss';

type Field = 'phone' | 'password';
const FIELDS: readonly Field[] = ['phone', 'password'];

export default function LoginPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  usePageTitle(t('auth.loginTitle'));

  const phone = usePhoneInput();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'password' | 'wechat' | null>(null);
  const account = useAccountForm(FIELDS);
  const { form, formError, setFormError, edit, validate } = account;

  const clientErrors: Record<Field, string | null> = {
    phone: phone.error,
    password: password === '' ? t('auth.passwordPlaceholder') : null,
  };

  const loggedIn = (session: Session) => {
    startSession(session);
    void Taro.showToast({ title: t('auth.loginSuccess'), icon: 'success' });
    leaveAccountFlow();
  };

  const submit = async () => {
    if (!validate(clientErrors)) return;
    setBusy('password');
    try {
      loggedIn(await request('login', { lang, body: { phone: phone.value, password } }));
    } catch (caught) {
      const error = toApiError(caught);
      const field = fieldOfError(error, FIELDS);
      // Wrong phone or password is one answer about both fields: it stays above the form.
      if (field && error.code !== 'INVALID_CREDENTIALS') form.setServerError(field, error.message);
      else setFormError(error.message);
    } finally {
      setBusy(null);
    }
  };

  const wechatLogin = async () => {
    setFormError(null);
    setBusy('wechat');
    try {
      let code: string;
      try {
        code = await getWechatLoginCode();
      } catch {
        setFormError(t('auth.wechatFailed'));
        return;
      }
      const { created: _created, ...session } = await request('wechatLogin', { lang, body: { code } });
      loggedIn(session);
    } catch (caught) {
      setFormError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className={`page account-page js-page-login ${textSize}`}>
      <View className="account-head">
        <Text className="account-head__title">{t('auth.loginTitle')}</Text>
        <Text className="account-head__subtitle">{t('auth.loginSubtitle')}</Text>
      </View>

      <View className="panel account-form">
        <PhoneField {...phoneFieldProps(phone, account)} />
        <FormField name="password" label={t('auth.password')} error={form.shown('password', clientErrors.password)}>
          <Input
            className="form-field__input js-password-input"
            placeholderClass="form-field__placeholder"
            password
            maxlength={128}
            value={password}
            placeholder={t('auth.passwordPlaceholder')}
            onInput={(event) => edit('password', setPassword)(event.detail.value)}
            onBlur={() => form.touch('password')}
            onConfirm={() => void submit()}
          />
        </FormField>

        <View className="forgot-password">
          {/* The phone typed so far goes along, so it need not be typed twice. */}
          <Text
            className="forgot-password__link js-forgot-password"
            onClick={() => openPasswordReset(phone.error ? undefined : phone.value)}
          >
            {t('auth.forgotPassword')}
          </Text>
        </View>

        <FormError message={formError} />

        <Button
          type="primary"
          size="large"
          block
          loading={busy === 'password'}
          disabled={busy !== null}
          className="account-submit js-login-submit"
          onClick={() => void submit()}
        >
          {t('auth.loginSubmit')}
        </Button>

        <View className="account-divider">
          <Text className="account-divider__text">{t('auth.or')}</Text>
        </View>

        <View
          className={`wechat-button js-wechat-login${busy === 'wechat' ? ' is-busy' : ''}`}
          ariaRole="button"
          onClick={busy === null ? () => void wechatLogin() : undefined}
        >
          <View className="wechat-button__mark" />
          <Text>{t('auth.wechatLogin')}</Text>
        </View>
        <WechatHint />

        <View className="account-switch">
          <Text>{t('auth.noAccount')}</Text>
          <Text className="account-switch__link js-go-register" onClick={openRegister}>
            {t('auth.goRegister')}
          </Text>
        </View>
      </View>
    </View>
  );
}
