import { Input, View } from '@tarojs/components';
import { SMS_CODE_LENGTH } from '@cbc/shared';
import { FormField } from '../../../components/form-field';
import { useI18n } from '../../../i18n';
import { DIGITS_INPUT } from '../../../utils/input-types';
import type { SmsCodeState } from '../hooks/use-sms-code';

interface Props {
  value: string;
  error: string | null;
  sms: SmsCodeState;
  onInput: (value: string) => void;
  onBlur: () => void;
  /** 获取验证码 was tapped (ignored while sending or counting down). */
  onSend: () => void;
}

/** The 6-digit code with its 获取验证码 / "resend in 42 s" button beside it. */
export function SmsCodeField({ value, error, sms, onInput, onBlur, onSend }: Props) {
  const { t } = useI18n();
  return (
    <FormField name="smsCode" label={t('auth.smsCode')} hint={t('auth.codeHint')} error={error}>
      <Input
        className="form-field__input form-field__input--mono js-sms-code-input"
        placeholderClass="form-field__placeholder"
        type={DIGITS_INPUT}
        maxlength={SMS_CODE_LENGTH}
        value={value}
        placeholder={t('auth.smsCodePlaceholder')}
        onInput={(event) => onInput(event.detail.value.trim())}
        onBlur={onBlur}
      />
      <View
        className={`send-code js-send-code${sms.ready ? '' : ' is-disabled'}`}
        ariaRole="button"
        aria-disabled={!sms.ready}
        onClick={sms.ready ? onSend : undefined}
      >
        {sms.sending
          ? t('auth.sendingCode')
          : sms.resendIn > 0
            ? t('auth.resendIn', { seconds: sms.resendIn })
            : t('auth.sendCode')}
      </View>
    </FormField>
  );
}
