import { useCallback, useState } from 'react';
import { request, toApiError, type ApiError, type ClientMessage } from '../../../api';
import { useI18n } from '../../../i18n';
import { useCountdown } from '../../../utils/use-countdown';

export const CODE_LENGTH = 6;

/**
 * A bank card's one-time code in the simulated cashier: the code as typed, 获取验证码 with its
 * countdown, and the bank's SMS as a banner. Nothing is sent while `blocked` (the sheet is paying);
 * a failure goes to the sheet's one error line through `setError`.
 */
export function useCashierCode(orderId: string, blocked: boolean, setError: (error: ApiError | null) => void) {
  const { lang } = useI18n();
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [resendIn, startCountdown] = useCountdown();
  const [banner, setBanner] = useState<ClientMessage | null>(null);
  const hideBanner = useCallback(() => setBanner(null), []);

  const send = async () => {
    if (sending || resendIn > 0 || blocked) return;
    setSending(true);
    setError(null);
    const askedAt = Date.now();
    try {
      const reply = await request('sendCashierCode', { lang, params: { id: orderId } });
      setSent(true);
      startCountdown(reply.resendAfterSeconds || 60);
      // Like a phone: the bank's SMS drops in as a banner (it is also kept in 消息).
      const inbox = await request('listMessages', { lang }).catch(() => null);
      const latest = inbox?.messages
        .filter((message) => message.kind === 'payment_code' && Date.parse(message.createdAt) >= askedAt - 60_000)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
      if (latest) setBanner(latest);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSending(false);
    }
  };

  return {
    code,
    /** Digits only, at most CODE_LENGTH of them. */
    type: (typed: string) => setCode(typed.replace(/\D/g, '').slice(0, CODE_LENGTH)),
    sending,
    sent,
    resendIn,
    banner,
    hideBanner,
    send,
  };
}

export type CashierCode = ReturnType<typeof useCashierCode>;
