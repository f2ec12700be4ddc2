import { useCallback, useState } from 'react';
import { SMS_RESEND_AFTER_SECONDS, type PhoneRegion, type SmsCodePurpose } from '@cbc/shared';
import { request, type ClientMessage } from '../../../api';
import { useI18n } from '../../../i18n';
import { useCountdown } from '../../../utils/use-countdown';

/**
 * 获取验证码 for register and reset alike: sends the simulated SMS, counts down to the next send and
 * holds the SMS for the banner. `send` rejects with the ApiError, which the form places on a field.
 */
export function useSmsCode(purpose: SmsCodePurpose) {
  const { lang } = useI18n();
  const [sending, setSending] = useState(false);
  const [banner, setBanner] = useState<ClientMessage | null>(null);
  const [resendIn, startCountdown] = useCountdown();
  const hideBanner = useCallback(() => setBanner(null), []);

  const send = async (phone: { region: PhoneRegion; number: string }): Promise<void> => {
    setSending(true);
    try {
      const reply = await request('requestSmsCode', { lang, body: { phone, purpose } });
      startCountdown(reply.resendAfterSeconds || SMS_RESEND_AFTER_SECONDS);
      setBanner(reply.message);
    } finally {
      setSending(false);
    }
  };

  return { sending, resendIn, ready: !sending && resendIn === 0, banner, hideBanner, send };
}

export type SmsCodeState = ReturnType<typeof useSmsCode>;
