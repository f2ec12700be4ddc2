import { Input, Text, View } from '@tarojs/components';
import { CURRENCY_SYMBOLS, formatMoney, formatMoneyShort, MINOR_PER_UNIT, type TopupOptions } from '@cbc/shared';
import { useI18n } from '../../../i18n';
import type { AmountChoiceState } from './use-amount-choice';

/** The preset amounts (with their bonus) and the custom amount field, with the amount's problem. */
export function AmountPicker({ options, amount }: { options: TopupOptions; amount: AmountChoiceState }) {
  const { t } = useI18n();
  return (
    <View className="panel amounts">
      {options.presets.length > 0 ? (
        <View className="presets js-presets" ariaRole="radiogroup" ariaLabel={t('topup.chooseAmount')}>
          {options.presets.map((preset) => {
            const value = preset.amount.amountMinor;
            const active = amount.preset === value;
            const disabled = value > options.monthlyRemaining.amountMinor;
            const label =
              preset.bonus.amountMinor > 0
                ? t('topup.presetBonusLabel', {
                    amount: formatMoney(preset.amount),
                    bonus: formatMoney(preset.bonus),
                  })
                : t('topup.presetLabel', { amount: formatMoney(preset.amount) });
            return (
              <View
                key={value}
                className={`preset js-preset js-preset-${value / MINOR_PER_UNIT}${active ? ' is-active' : ''}${
                  disabled ? ' is-disabled' : ''
                }`}
                ariaRole="radio"
                ariaChecked={active}
                ariaLabel={label}
                onClick={() => amount.pickPreset(value)}
              >
                <Text className="preset__amount figure">{formatMoneyShort(preset.amount)}</Text>
                {preset.bonus.amountMinor > 0 ? (
                  <Text className="preset__bonus js-preset-bonus">
                    {t('topup.bonusBadge', { bonus: formatMoneyShort(preset.bonus) })}
                  </Text>
                ) : null}
              </View>
            );
          })}
        </View>
      ) : (
        <Text className="amounts__none">{t('topup.noPresets')}</Text>
      )}

      <View className={`custom${amount.custom ? ' is-active' : ''}${amount.problem ? ' has-error' : ''}`}>
        <Text className="custom__label">{t('topup.customAmount')}</Text>
        <View className="custom__box">
          <Text className="custom__symbol">{CURRENCY_SYMBOLS[options.balance.currency]}</Text>
          <Input
            className="custom__input figure js-custom-amount"
            placeholderClass="custom__placeholder"
            type="digit"
            maxlength={9}
            value={amount.customText}
            placeholder={t('topup.customPlaceholder')}
            onFocus={amount.focusCustom}
            onInput={(event) => amount.typeCustom(event.detail.value)}
          />
        </View>
        <Text className="custom__hint">
          {t('topup.customHint', { min: formatMoneyShort(options.min), max: formatMoneyShort(options.max) })}
        </Text>
      </View>
      {amount.problem ? (
        <View className="amounts__error js-field-error js-field-error-amount" ariaRole="alert">
          {amount.problem}
        </View>
      ) : null}
    </View>
  );
}
