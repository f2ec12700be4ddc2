import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatMoney, PAYMENT_METHOD_NAMES, type PaymentReply } from '@cbc/shared';
import { SmsBanner } from '../../../components/sms-banner';
import { useI18n } from '../../../i18n';
import type { PaymentResult } from '../../../payments/cashier-session';
import { AlipayConfirm } from './alipay-confirm';
import { BankCodeStep } from './bank-code-step';
import { MethodIcon } from './method-icon';
import { PasswordStep } from './password-step';
import { PracticeSwitch } from './practice-switch';
import { SheetStatus } from './sheet-status';
import { useCashierCode } from './use-cashier-code';
import { useCashierPayment } from './use-cashier-payment';
import { noBreakInNumbers } from '../../../utils/no-break';

/**
 * The bottom sheet of the simulated cashier, shaped like the method's own: the amount and payee, 练习模式,
 * then the method's step (password pad, Alipay's confirm, or a bank's one-time code) or the outcome.
 */
export function CashierSheet({ reply, onDone }: { reply: PaymentReply; onDone: (result: PaymentResult) => void }) {
  const { lang, t } = useI18n();
  const { method, order, cashier } = reply;
  const usesPassword = method === 'wechatpay' || method === 'alipay';
  const payment = useCashierPayment(order.id, onDone);
  const { phase, busy } = payment;
  const otp = useCashierCode(order.id, busy, payment.setError);
  // Alipay's sheet confirms the order first, then asks for the password.
  const [alipayStep, setAlipayStep] = useState<'confirm' | 'password'>('confirm');

  const methodName = PAYMENT_METHOD_NAMES[method][lang];

  let body;
  if (phase !== 'input') {
    body = <SheetStatus phase={phase} failReason={payment.failReason} />;
  } else if (usesPassword && (method === 'wechatpay' || alipayStep === 'password')) {
    body = (
      <PasswordStep
        length={payment.password.length}
        onDigit={payment.typeDigit}
        onDelete={payment.deleteDigit}
        disabled={busy}
      />
    );
  } else if (method === 'alipay') {
    body = (
      <AlipayConfirm
        description={cashier.description}
        methodName={methodName}
        onPayNow={() => setAlipayStep('password')}
      />
    );
  } else {
    body = (
      <BankCodeStep
        cashier={cashier}
        methodName={methodName}
        otp={otp}
        onConfirm={() => void payment.confirm({ smsCode: otp.code })}
      />
    );
  }

  return (
    <View
      className={`sheet sheet--${method} js-cashier-sheet js-cashier-${method}`}
      ariaRole="dialog"
      ariaLabel={t('cashier.title')}
    >
      <SmsBanner message={otp.banner} onDismiss={otp.hideBanner} />
      {/* The notice and the close button stay in sight when a tall sheet opens scrolled to its foot. */}
      <View className="sheet__top js-cashier-top">
        <View className="sheet__stripe js-cashier-stripe">
          <Text className="sheet__stripe-badge">{t('app.simulationBadge')}</Text>
          <Text className="sheet__stripe-text">{t('cashier.stripe')}</Text>
        </View>
        <View className="sheet__head">
          <View
            className={`sheet__close js-cashier-close${busy ? ' is-disabled' : ''}`}
            ariaRole="button"
            ariaLabel={t('cashier.closeLabel')}
            aria-disabled={busy}
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
      </View>
      <View className="sheet__summary">
        <Text className="sheet__payee">
          {t('cashier.payee')} · {cashier.merchantName}
        </Text>
        <Text className="sheet__amount figure js-cashier-amount">{formatMoney(cashier.amount)}</Text>
        <Text className="sheet__description">{noBreakInNumbers(cashier.description)}</Text>
      </View>
      <PracticeSwitch
        on={payment.practice}
        onToggle={payment.togglePractice}
        outcome={payment.outcome}
        onOutcome={payment.setOutcome}
        disabled={busy}
      />
      {payment.error ? (
        <View className="sheet__error js-cashier-error" ariaRole="alert">
          {payment.error.message}
        </View>
      ) : null}
      {body}
    </View>
  );
}
