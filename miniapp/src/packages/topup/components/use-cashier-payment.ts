import { useEffect, useRef, useState } from 'react';
import type { CashierConfirmRequest, CashierOutcome } from '@cbc/shared';
import { request, toApiError, type ApiError } from '../../../api';
import { useI18n } from '../../../i18n';
import type { PaymentResult } from '../../../payments/cashier-session';

export const PASSWORD_LENGTH = 6;
/** How long the sheet shows 支付成功 / 支付失败 / waiting before it closes, as a payment app's does. */
const SHOW_OUTCOME_MS = { ok: 900, fail: 1_600, timeout: 1_600 } as const;

export type CashierPhase = 'input' | 'paying' | 'ok' | 'fail' | 'timeout';

/**
 * The simulated cashier's confirm: the password typed on its pad (or the bank's code), sent with
 * 练习模式's chosen outcome; the sheet then shows the answer for a moment and hands it to `onDone`.
 * `error` also carries the failures of sending a bank code (see useCashierCode).
 */
export function useCashierPayment(orderId: string, onDone: (result: PaymentResult) => void) {
  const { lang, t } = useI18n();
  const [practice, setPractice] = useState(false);
  const [outcome, setOutcome] = useState<CashierOutcome>('success');
  const [phase, setPhase] = useState<CashierPhase>('input');
  const [failReason, setFailReason] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [password, setPassword] = useState('');
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach((timer) => clearTimeout(timer)), []);

  const busy = phase !== 'input';

  const later = (ms: number, run: () => void) => {
    timers.current.push(setTimeout(run, ms));
  };

  const confirm = async (secret: Pick<CashierConfirmRequest, 'password' | 'smsCode'>) => {
    setError(null);
    setPhase('paying');
    try {
      const answer = await request('confirmCashier', {
        lang,
        params: { id: orderId },
        body: { outcome: practice ? outcome : 'success', ...secret },
      });
      if (answer.result === 'cancel') {
        onDone('cancel');
        return;
      }
      if (answer.result === 'fail') {
        const reason = answer.order.endReason;
        setFailReason(reason ? t(`order.endReason.${reason}`) : null);
      }
      setPhase(answer.result);
      later(SHOW_OUTCOME_MS[answer.result], () => onDone(answer.result));
    } catch (caught) {
      // Refused before any money moved (wrong code, order closed, no network): say so and let the
      // user try again or close the sheet.
      setError(toApiError(caught));
      setPassword('');
      setPhase('input');
    }
  };

  /** A digit from the pad; the sixth one pays. */
  const typeDigit = (digit: string) => {
    if (busy || password.length >= PASSWORD_LENGTH) return;
    const next = password + digit;
    setPassword(next);
    if (next.length === PASSWORD_LENGTH) void confirm({ password: next });
  };

  return {
    practice,
    togglePractice: () => setPractice((value) => !value),
    outcome,
    setOutcome,
    phase,
    busy,
    failReason,
    error,
    setError,
    password,
    typeDigit,
    deleteDigit: () => setPassword((value) => value.slice(0, -1)),
    confirm,
  };
}
