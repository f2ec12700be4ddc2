import { useCallback, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  isSmsCodeFormat,
  normalizePhone,
  SMS_CODE_LENGTH,
  SMS_RESEND_AFTER_SECONDS,
  validatePassword,
  validatePhone,
  validationMessage,
  type PhoneRegion,
} from '@cbc/shared';
import { request, toApiError, type ClientMessage } from '../../../../api';
import { startSession, useSession } from '../../../../auth';
import { FormError, FormField } from '../../../../components/form-field';
import { SimulationNotice } from '../../../../components/notices';
import { SmsBanner } from '../../../../components/sms-banner';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { DIGITS_INPUT } from '../../../../utils/input-types';
import { leaveAccountFlow, switchToLogin } from '../../../../utils/navigation';
import { useCountdown } from '../../../../utils/use-countdown';
import { usePageTitle } from '../../../../utils/use-page-title';
import { fieldOfError, useFormErrors } from '../../../../utils/use-form-errors';
import { PhoneField } from '../../components/phone-field';
import '../../components/account.scss';

type Field = 'phone' | 'email' | 'password' | 'smsCode';
const FIELDS: readonly Field[] = ['phone', 'email', 'password', 'smsCode'];

/** Errors the server reports by code without naming a field. */
const FIELD_BY_CODE: Partial<Record<string, Field>> = {
  PHONE_ALREADY_REGISTERED: 'phone',
  SMS_CODE_INVALID: 'smsCode',
  SMS_CODE_EXPIRED: 'smsCode',
  SMS_CODE_LOCKED: 'smsCode',
  SMS_CODE_TOO_SOON: 'smsCode',
  RATE_LIMITED: 'smsCode',
};

/** A light check for typos (the server validates with zod's e-mail rule). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function RegisterPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  const { user } = useSession();
  usePageTitle(t('auth.registerTitle'));
  // Logged in through WeChat without a phone: the server links this phone to that account.
  const linking = user !== null && user.phone === null;

  const [region, setRegion] = useState<PhoneRegion>('CN');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [smsCode, setSmsCode] = useState('');
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [banner, setBanner] = useState<ClientMessage | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [resendIn, startCountdown] = useCountdown();
  const form = useFormErrors<Field>();
  const hideBanner = useCallback(() => setBanner(null), []);

  const phoneProblem = validatePhone(region, phone);
  const passwordProblem = validatePassword(password);
  const clientErrors: Record<Field, string | null> = {
    phone: phoneProblem ? validationMessage(lang, `validation.phone.${phoneProblem}`) : null,
    email: email.trim() !== '' && !EMAIL.test(email.trim()) ? t('auth.emailInvalid') : null,
    password: passwordProblem ? validationMessage(lang, `validation.password.${passwordProblem}`) : null,
    smsCode:
      smsCode === ''
        ? validationMessage(lang, 'validation.smsCode.empty')
        : isSmsCodeFormat(smsCode)
          ? null
          : validationMessage(lang, 'validation.smsCode.format'),
  };

  const showServerError = (caught: unknown) => {
    const error = toApiError(caught);
    const field = fieldOfError(error, FIELDS, FIELD_BY_CODE);
    if (field) form.setServerError(field, error.message);
    else setFormError(error.message);
  };

  const sendCode = async () => {
    if (sending || resendIn > 0) return;
    form.touch('phone');
    setFormError(null);
    if (clientErrors.phone) return;
    setSending(true);
    try {
      const reply = await request('requestSmsCode', {
        lang,
        body: { phone: { region, number: normalizePhone(phone) }, purpose: 'register' },
      });
      form.edited('smsCode');
      startCountdown(reply.resendAfterSeconds || SMS_RESEND_AFTER_SECONDS);
      setBanner(reply.message);
    } catch (caught) {
      showServerError(caught);
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    form.markSubmitted();
    setFormError(null);
    if (FIELDS.some((field) => clientErrors[field])) return;
    setSubmitting(true);
    try {
      const trimmedEmail = email.trim();
      const session = await request('register', {
        lang,
        body: {
          phone: { region, number: normalizePhone(phone) },
          ...(trimmedEmail ? { email: trimmedEmail } : {}),
          password,
          smsCode,
        },
      });
      startSession(session);
      void Taro.showToast({ title: t('auth.registerSuccess'), icon: 'success' });
      leaveAccountFlow();
    } catch (caught) {
      showServerError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  const edit = (field: Field, set: (value: string) => void) => (value: string) => {
    set(value);
    form.edited(field);
    setFormError(null);
  };

  return (
    <View className={`page account-page js-page-register ${textSize}`}>
      <SmsBanner message={banner} onDismiss={hideBanner} />

      <View className="account-head">
        <Text className="account-head__title">{linking ? t('me.linkPhone') : t('auth.registerTitle')}</Text>
        <Text className="account-head__subtitle">{t('auth.registerSubtitle')}</Text>
      </View>

      {linking ? <View className="link-notice js-link-notice">{t('auth.linkPhoneNotice')}</View> : null}

      <View className="panel account-form">
        <PhoneField
          region={region}
          number={phone}
          error={form.shown('phone', clientErrors.phone)}
          onRegion={(next) => {
            setRegion(next);
            form.edited('phone');
          }}
          onNumber={edit('phone', setPhone)}
          onBlur={() => form.touch('phone')}
        />

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

        <FormField
          name="password"
          label={t('auth.password')}
          hint={t('auth.passwordRules')}
          error={form.shown('password', clientErrors.password)}
        >
          <Input
            className="form-field__input js-password-input"
            placeholderClass="form-field__placeholder"
            password
            maxlength={64}
            value={password}
            placeholder={t('auth.newPasswordPlaceholder')}
            onInput={(event) => edit('password', setPassword)(event.detail.value)}
            onBlur={() => form.touch('password')}
          />
        </FormField>

        <FormField
          name="smsCode"
          label={t('auth.smsCode')}
          hint={t('auth.codeHint')}
          error={form.shown('smsCode', clientErrors.smsCode)}
        >
          <Input
            className="form-field__input form-field__input--mono js-sms-code-input"
            placeholderClass="form-field__placeholder"
            type={DIGITS_INPUT}
            maxlength={SMS_CODE_LENGTH}
            value={smsCode}
            placeholder={t('auth.smsCodePlaceholder')}
            onInput={(event) => edit('smsCode', setSmsCode)(event.detail.value.trim())}
            onBlur={() => form.touch('smsCode')}
          />
          <View
            className={`send-code js-send-code${sending || resendIn > 0 ? ' is-disabled' : ''}`}
            ariaRole="button"
            onClick={() => void sendCode()}
          >
            {sending
              ? t('auth.sendingCode')
              : resendIn > 0
                ? t('auth.resendIn', { seconds: resendIn })
                : t('auth.sendCode')}
          </View>
        </FormField>

        <FormError message={formError} />

        <Button
          type="primary"
          size="large"
          block
          loading={submitting}
          disabled={submitting}
          className="account-submit js-register-submit"
          onClick={() => void submit()}
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
