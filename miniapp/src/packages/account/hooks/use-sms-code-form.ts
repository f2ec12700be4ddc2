import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Session, SmsCodePurpose } from '@cbc/shared';
import { startSession } from '../../../auth';
import { useI18n } from '../../../i18n';
import { leaveAccountFlow } from '../../../utils/navigation';
import { SMS_FIELD_BY_CODE, smsCodeError, useAccountForm } from './use-account-form';
import { phoneFieldProps, usePhoneInput } from './use-phone-input';
import { useSmsCode } from './use-sms-code';

type CodeField = 'phone' | 'smsCode';

/**
 * The part register and 忘记密码 share: a phone, 获取验证码 with its banner and countdown, the code, and
 * the errors of a form around them. A page adds its own fields (`F`) and checks them in `validate`.
 */
export function useSmsCodeForm<F extends string>(
  purpose: SmsCodePurpose,
  fields: readonly (F | CodeField)[],
  initialPhone: { region?: string; number?: string } = {},
) {
  const { lang } = useI18n();
  const phone = usePhoneInput(initialPhone);
  const [smsCode, setSmsCode] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const sms = useSmsCode(purpose);
  const account = useAccountForm<F | CodeField>(fields, SMS_FIELD_BY_CODE);
  const { form, edit, setFormError, showServerError } = account;
  const codeErrors = { phone: phone.error, smsCode: smsCodeError(lang, smsCode) };

  const sendCode = async () => {
    form.touch('phone');
    setFormError(null);
    if (phone.error) return;
    try {
      await sms.send(phone.value);
      form.edited('smsCode');
    } catch (caught) {
      showServerError(caught);
    }
  };

  /**
   * Checks every field (the page's own errors in `own`), then sends: the reply is a session, which
   * starts here, and the user goes back to where the account flow began.
   */
  const submit = async (own: Record<F, string | null>, send: () => Promise<Session>, success: string) => {
    if (!account.validate({ ...own, ...codeErrors } as Record<F | CodeField, string | null>)) return;
    setSubmitting(true);
    try {
      startSession(await send());
      void Taro.showToast({ title: success, icon: 'success' });
      leaveAccountFlow();
    } catch (caught) {
      showServerError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  return {
    ...account,
    phone,
    smsCode,
    sms,
    submit,
    submitting,
    phoneField: phoneFieldProps(phone, account, codeErrors.phone),
    codeField: {
      value: smsCode,
      error: form.shown('smsCode', codeErrors.smsCode),
      sms,
      onInput: edit('smsCode', setSmsCode),
      onBlur: () => form.touch('smsCode'),
      onSend: () => void sendCode(),
    },
  };
}
