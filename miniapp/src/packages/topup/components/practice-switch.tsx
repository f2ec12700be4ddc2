import { View } from '@tarojs/components';
import { CASHIER_OUTCOMES, type CashierOutcome } from '@cbc/shared';
import { SwitchRow } from '../../../components/switch-row';
import { useI18n } from '../../../i18n';

/** 练习模式: off pays normally; on, the user picks what happens after paying. */
export function PracticeSwitch({
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
