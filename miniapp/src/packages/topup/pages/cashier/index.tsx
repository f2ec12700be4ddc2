import { useCallback, useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  CASHIER_OUTCOMES,
  formatMoney,
  PAYMENT_METHOD_NAMES,
  type CashierConfirmRequest,
  type CashierOutcome,
  type PaymentReply,
} from '@cbc/shared';
import { z } from 'zod';
import { request, toApiError, type ApiError, type ClientMessage } from '../../../../api';
import { useSession } from '../../../../auth';
import { LoginPrompt } from '../../../../components/login-prompt';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { SmsBanner } from '../../../../components/sms-banner';
import { SwitchRow } from '../../../../components/switch-row';
import { useI18n } from '../../../../i18n';
import { cashierSession, settleCashierSession, type PaymentResult } from '../../../../payments/cashier-session';
import { DIGITS_INPUT } from '../../../../utils/input-types';
import { openMessages, openOrderDetail, showTopupResult } from '../../../../utils/navigation';
import { useCountdown } from '../../../../utils/use-countdown';
import { usePageTitle } from '../../../../utils/use-page-title';
import { MethodIcon } from '../../components/method-icon';
import '../../components/topup.scss';
import './index.scss';

const orderIdParam = z.uuid();
const PASSWORD_LENGTH = 6;
const CODE_LENGTH = 6;
/** How long the sheet shows 支付成功 / 支付失败 / waiting before it closes, as a payment app's does. */
const SHOW_OUTCOME_MS = { ok: 900, fail: 1_600, timeout: 1_600 } as const;

type Phase = 'input' | 'paying' | 'ok' | 'fail' | 'timeout';

/** 练习模式: off pays normally; on, the user picks what happens after paying. */
function PracticeSwitch({
  on,
  onToggle,
  outcome,
  onOutcome,
  disabled,
}: {
  on: boolean;
  onToggle: () => void;
  outcome: CashierOutcome;
  onOutcome: (outcome: CashierOutcome) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <View className="practice-box js-practice">
      <SwitchRow
        title={t('cashier.practice')}
        hint={t('cashier.practiceHint')}
        on={on}
        onToggle={onToggle}
        disabled={disabled}
        testId="practice-switch"
      />
      {on ? (
        <View className="outcomes js-outcomes" ariaRole="radiogroup" ariaLabel={t('cashier.outcomes')}>
          {CASHIER_OUTCOMES.map((value) => {
            const active = value === outcome;
            return (
              <View
                key={value}
                className={`outcome js-outcome-${value}${active ? ' is-active' : ''}`}
                ariaRole="radio"
                ariaChecked={active}
                onClick={disabled ? undefined : () => onOutcome(value)}
              >
                {t(`cashier.outcome.${value}`)}
              </View>
            );
          })}
        </View>
      ) : null}
    </View>
  );
}

/** The six password boxes: dots for the digits typed. */
function PasswordBoxes({ length }: { length: number }) {
  const { t } = useI18n();
  return (
    <View
      className="password-boxes js-password-boxes"
      ariaRole="img"
      ariaLabel={t('cashier.passwordLabel', { count: length })}
    >
      {Array.from({ length: PASSWORD_LENGTH }, (_, index) => (
        <View key={index} className={`password-box${index < length ? ' is-filled' : ''}`}>
          {index < length ? <View className="password-box__dot" /> : null}
        </View>
      ))}
    </View>
  );
}

/** A payment sheet's own number pad: the same on both platforms, no system keyboard over the sheet. */
function Keypad({
  onDigit,
  onDelete,
  disabled,
}: {
  onDigit: (d: string) => void;
  onDelete: () => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', 'del'];
  return (
    <View className="keypad js-keypad" ariaLabel={t('cashier.keypad')}>
      {keys.map((key, index) =>
        key === '' ? (
          <View key={index} className="keypad__key keypad__key--blank" ariaHidden />
        ) : key === 'del' ? (
          <View
            key={index}
            className="keypad__key keypad__key--fn js-key-delete"
            ariaRole="button"
            ariaLabel={t('cashier.keyDelete')}
            onClick={disabled ? undefined : onDelete}
          >
            <View className="keypad__del" />
          </View>
        ) : (
          <View
            key={index}
            className={`keypad__key js-key-${key}`}
            ariaRole="button"
            ariaLabel={key}
            onClick={disabled ? undefined : () => onDigit(key)}
          >
            {key}
          </View>
        ),
      )}
    </View>
  );
}

/** What the sheet shows while paying and just after: a payment app's own short confirmation. */
function SheetStatus({ phase, failReason }: { phase: Exclude<Phase, 'input'>; failReason: string | null }) {
  const { t } = useI18n();
  const title =
    phase === 'paying'
      ? t('cashier.processing')
      : phase === 'ok'
        ? t('cashier.success')
        : phase === 'fail'
          ? t('cashier.failed')
          : t('cashier.waiting');
  return (
    <View
      className={`sheet-status sheet-status--${phase} js-cashier-status js-cashier-status-${phase}`}
      ariaRole="status"
    >
      <View className="sheet-status__icon" />
      <Text className="sheet-status__title">{title}</Text>
      {phase === 'fail' && failReason ? <Text className="sheet-status__reason">{failReason}</Text> : null}
    </View>
  );
}

function CashierSheet({ reply, onDone }: { reply: PaymentReply; onDone: (result: PaymentResult) => void }) {
  const { lang, t } = useI18n();
  const { method, order, cashier } = reply;
  const usesPassword = method === 'wechatpay' || method === 'alipay';
  const [practice, setPractice] = useState(false);
  const [outcome, setOutcome] = useState<CashierOutcome>('success');
  const [phase, setPhase] = useState<Phase>('input');
  const [failReason, setFailReason] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Alipay's sheet confirms the order first, then asks for the password.
  const [alipayStep, setAlipayStep] = useState<'confirm' | 'password'>('confirm');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [codeSent, setCodeSent] = useState(false);
  const [resendIn, startCountdown] = useCountdown();
  const [banner, setBanner] = useState<ClientMessage | null>(null);
  const dismissBanner = useCallback(() => setBanner(null), []);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach((timer) => clearTimeout(timer)), []);

  const busy = phase !== 'input';
  const methodName = PAYMENT_METHOD_NAMES[method][lang];

  const later = (ms: number, run: () => void) => {
    timers.current.push(setTimeout(run, ms));
  };

  const confirm = async (secret: Pick<CashierConfirmRequest, 'password' | 'smsCode'>) => {
    setError(null);
    setPhase('paying');
    try {
      const answer = await request('confirmCashier', {
        lang,
        params: { id: order.id },
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

  const typeDigit = (digit: string) => {
    if (busy || password.length >= PASSWORD_LENGTH) return;
    const next = password + digit;
    setPassword(next);
    if (next.length === PASSWORD_LENGTH) void confirm({ password: next });
  };

  const sendCode = async () => {
    if (sending || resendIn > 0 || busy) return;
    setSending(true);
    setError(null);
    const askedAt = Date.now();
    try {
      const sent = await request('sendCashierCode', { lang, params: { id: order.id } });
      setCodeSent(true);
      startCountdown(sent.resendAfterSeconds || 60);
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

  let body;
  if (busy) {
    body = <SheetStatus phase={phase} failReason={failReason} />;
  } else if (usesPassword && (method === 'wechatpay' || alipayStep === 'password')) {
    body = (
      <View className="sheet-password">
        <Text className="sheet-password__title">{t('cashier.enterPassword')}</Text>
        <PasswordBoxes length={password.length} />
        <Text className="sheet-password__hint">{t('cashier.passwordHint')}</Text>
        <Keypad onDigit={typeDigit} onDelete={() => setPassword((value) => value.slice(0, -1))} disabled={busy} />
      </View>
    );
  } else if (method === 'alipay') {
    body = (
      <View className="sheet-confirm">
        <View className="sheet-rows">
          <View className="sheet-row">
            <Text className="sheet-row__label">{t('cashier.orderInfo')}</Text>
            <Text className="sheet-row__value">{cashier.description}</Text>
          </View>
          <View className="sheet-row">
            <Text className="sheet-row__label">{t('topup.method')}</Text>
            <Text className="sheet-row__value">{t('cashier.methodSimulated', { method: methodName })}</Text>
          </View>
        </View>
        <Button
          type="primary"
          size="large"
          block
          className="js-alipay-pay-now"
          ariaRole="button"
          onClick={() => setAlipayStep('password')}
        >
          {t('cashier.payNow')}
        </Button>
      </View>
    );
  } else {
    body = (
      <View className="sheet-bank">
        <View className="sheet-rows">
          <View className="sheet-row">
            <Text className="sheet-row__label">{t('cashier.payerCard')}</Text>
            <Text className="sheet-row__value figure js-payer-card">{cashier.payerCardMasked ?? methodName}</Text>
          </View>
          {cashier.otpRecipient ? (
            <View className="sheet-row">
              <Text className="sheet-row__label">{t('cashier.codeTo')}</Text>
              <Text className="sheet-row__value figure">{cashier.otpRecipient}</Text>
            </View>
          ) : null}
        </View>
        <View className="otp">
          <Text className="otp__label">{t('auth.smsCode')}</Text>
          <View className="otp__box">
            <Input
              className="otp__input figure js-otp-input"
              placeholderClass="otp__placeholder"
              type={DIGITS_INPUT}
              maxlength={CODE_LENGTH}
              value={code}
              placeholder={t('auth.smsCodePlaceholder')}
              onInput={(event) => setCode(event.detail.value.replace(/\D/g, '').slice(0, CODE_LENGTH))}
            />
            <View
              className={`otp__send js-send-otp${sending || resendIn > 0 ? ' is-disabled' : ''}`}
              ariaRole="button"
              onClick={() => void sendCode()}
            >
              {sending
                ? t('auth.sendingCode')
                : resendIn > 0
                  ? t('auth.resendIn', { seconds: resendIn })
                  : t('auth.sendCode')}
            </View>
          </View>
          {codeSent ? (
            <View className="otp__sent js-otp-sent">
              <Text className="otp__sent-text">{t('cashier.codeSent')}</Text>
              <View className="otp__messages js-open-messages" ariaRole="button" onClick={openMessages}>
                {t('cashier.openMessages')}
              </View>
            </View>
          ) : null}
        </View>
        <Button
          type="primary"
          size="large"
          block
          disabled={code.length !== CODE_LENGTH}
          className="js-cashier-confirm"
          ariaRole="button"
          onClick={() => void confirm({ smsCode: code })}
        >
          {t('cashier.confirmPay')}
        </Button>
      </View>
    );
  }

  return (
    <View
      className={`sheet sheet--${method} js-cashier-sheet js-cashier-${method}`}
      ariaRole="dialog"
      ariaLabel={t('cashier.title')}
    >
      <SmsBanner message={banner} onDismiss={dismissBanner} />
      <View className="sheet__stripe js-cashier-stripe">
        <Text className="sheet__stripe-badge">{t('app.simulationBadge')}</Text>
        <Text className="sheet__stripe-text">{t('cashier.stripe')}</Text>
      </View>
      <View className="sheet__head">
        <View
          className={`sheet__close js-cashier-close${busy ? ' is-disabled' : ''}`}
          ariaRole="button"
          ariaLabel={t('cashier.closeLabel')}
          onClick={busy ? undefined : () => onDone('cancel')}
        >
          <View className="sheet__close-x" />
        </View>
        <View className="sheet__title">
          <MethodIcon method={method} size="small" />
          <Text className="sheet__title-text">{t('cashier.methodSimulated', { method: methodName })}</Text>
        </View>
        <View className="sheet__head-side" />
      </View>
      <View className="sheet__summary">
        <Text className="sheet__payee">
          {t('cashier.payee')} · {cashier.merchantName}
        </Text>
        <Text className="sheet__amount figure js-cashier-amount">{formatMoney(cashier.amount)}</Text>
        <Text className="sheet__description">{cashier.description}</Text>
      </View>
      <PracticeSwitch
        on={practice}
        onToggle={() => setPractice((value) => !value)}
        outcome={outcome}
        onOutcome={setOutcome}
        disabled={busy}
      />
      {error ? (
        <View className="sheet__error js-cashier-error" ariaRole="alert">
          {error.message}
        </View>
      ) : null}
      {body}
    </View>
  );
}

/**
 * The simulated cashier: a bottom sheet shaped like the chosen method's payment sheet (WeChat Pay:
 * password pad; Alipay: confirm, then password; bank cards: a one-time code from the inbox), in the
 * app's own colours and marked 模拟 all over. It answers the payment adapter that opened it like
 * `requestPayment` does; closing it (✕ or Back) is a cancel.
 */
export default function CashierPage() {
  const { lang, t } = useI18n();
  const { loggedIn } = useSession();
  const router = useRouter();
  const session = router.params.session;
  const orderId = orderIdParam.safeParse(router.params.orderId);
  usePageTitle(t('cashier.title'));

  // Handed over by the adapter; a cashier opened without its caller (a reloaded tab) asks the server.
  const [handedOver] = useState(() => cashierSession(session));
  const [reply, setReply] = useState<PaymentReply | null>(handedOver ?? null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  // The cashier's answer, delivered to the waiting caller once this page has gone (see useUnload).
  const answer = useRef<PaymentResult | null>(null);

  const fetchReply = useCallback(() => {
    if (!orderId.success || !loggedIn) return;
    request('payOrder', { lang, params: { id: orderId.data } }).then(setReply, (caught: unknown) =>
      setLoadError(toApiError(caught)),
    );
  }, [orderId.success, orderId.data, lang, loggedIn]);

  useEffect(() => {
    if (!handedOver) fetchReply();
  }, [handedOver, fetchReply]);

  const retry = () => {
    setLoadError(null);
    fetchReply();
  };

  const finish = useCallback(
    (result: PaymentResult) => {
      if (answer.current) return;
      answer.current = result;
      if (handedOver && session) {
        // Back to the page that asked for the payment; it hears the answer when this page unloads.
        Taro.navigateBack().catch(() => settleCashierSession(session, result));
      } else if (orderId.success) {
        showTopupResult(orderId.data, result, 'replace');
      }
    },
    [handedOver, session, orderId.success, orderId.data],
  );

  // The answer goes out only once this page is gone, so the caller's next navigation (to the result
  // page) never races the way back. Leaving by the system Back button or a swipe closes the sheet:
  // a cancel, as in a payment app.
  useUnload(() => {
    if (!handedOver || !session) return;
    const result = answer.current ?? 'cancel';
    setTimeout(() => settleCashierSession(session, result), 0);
  });

  let content;
  if (!loggedIn) {
    content = <LoginPrompt title={t('orders.loginTitle')} body={t('orders.loginBody')} />;
  } else if (!orderId.success) {
    content = <ErrorState error={null} title={t('cashier.gone')} />;
  } else if (reply) {
    content = <CashierSheet reply={reply} onDone={finish} />;
  } else if (loadError) {
    content = (
      <ErrorState error={loadError} title={t('cashier.gone')} onRetry={loadError.status === 409 ? undefined : retry}>
        <Button
          ariaRole="button"
          type="default"
          className="query-state__action js-open-order"
          onClick={() => openOrderDetail(orderId.data)}
        >
          {t('result.viewOrder')}
        </Button>
      </ErrorState>
    );
  } else {
    content = <LoadingSkeleton count={1} rows={4} />;
  }

  return (
    <View className="cashier-page js-page-cashier">
      <View className="cashier-page__backdrop">
        <Text className="cashier-page__watermark">{t('cashier.title')}</Text>
      </View>
      <View className={reply ? 'cashier-page__dock' : 'cashier-page__plain'}>{content}</View>
    </View>
  );
}
