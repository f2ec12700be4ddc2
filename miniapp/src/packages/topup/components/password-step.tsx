import { Text, View } from '@tarojs/components';
import { useI18n } from '../../../i18n';
import { PASSWORD_LENGTH } from './use-cashier-payment';

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

/** WeChat Pay's sheet, and Alipay's after 立即付款: the payment password on the sheet's own pad. */
export function PasswordStep({
  length,
  onDigit,
  onDelete,
  disabled,
}: {
  length: number;
  onDigit: (d: string) => void;
  onDelete: () => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <View className="sheet-password">
      <Text className="sheet-password__title">{t('cashier.enterPassword')}</Text>
      <PasswordBoxes length={length} />
      <Text className="sheet-password__hint js-password-hint">{t('cashier.passwordHint')}</Text>
      <Keypad onDigit={onDigit} onDelete={onDelete} disabled={disabled} />
    </View>
  );
}
