import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import type { PaymentReply } from '@cbc/shared';
import { useI18n } from '../../../i18n';
import { DIGITS_INPUT } from '../../../utils/input-types';
import { openMessages } from '../../../utils/navigation';
import { CODE_LENGTH, type CashierCode } from './use-cashier-code';

/** A bank card's sheet: the paying card, then a one-time code sent to the inbox, then 确认支付. */
export function BankCodeStep({
  cashier,
  methodName,
  otp,
  onConfirm,
}: {
  cashier: PaymentReply['cashier'];
  methodName: string;
  otp: CashierCode;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  return (
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
            value={otp.code}
            placeholder={t('auth.smsCodePlaceholder')}
            onInput={(event) => otp.type(event.detail.value)}
          />
          <View
            className={`otp__send js-send-otp${otp.sending || otp.resendIn > 0 ? ' is-disabled' : ''}`}
            ariaRole="button"
            aria-disabled={otp.sending || otp.resendIn > 0}
            onClick={() => void otp.send()}
          >
            {otp.sending
              ? t('auth.sendingCode')
              : otp.resendIn > 0
                ? t('auth.resendIn', { seconds: otp.resendIn })
                : t('auth.sendCode')}
          </View>
        </View>
        {otp.sent ? (
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
        disabled={otp.code.length !== CODE_LENGTH}
        className="js-cashier-confirm"
        ariaRole="button"
        onClick={onConfirm}
      >
        {t('cashier.confirmPay')}
      </Button>
    </View>
  );
}
