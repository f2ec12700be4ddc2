import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  title: string;
  hint?: string;
  on: boolean;
  onToggle: () => void;
  disabled?: boolean;
  /** Test hook: the row gets `js-<testId>`. */
  testId: string;
}

/** A labelled on/off switch the whole row of which is the target (the cashier's 练习, 自动充值). */
export function SwitchRow({ title, hint, on, onToggle, disabled = false, testId }: Props) {
  return (
    <View
      className={`switch-row js-${testId}${on ? ' is-on' : ''}${disabled ? ' is-disabled' : ''}`}
      ariaRole="switch"
      aria-disabled={disabled}
      ariaChecked={on}
      ariaLabel={title}
      onClick={disabled ? undefined : onToggle}
    >
      <View className="switch-row__text">
        <Text className="switch-row__title">{title}</Text>
        {hint ? <Text className="switch-row__hint">{hint}</Text> : null}
      </View>
      <View className={`switch${on ? ' is-on' : ''}`}>
        <View className="switch__knob" />
      </View>
    </View>
  );
}
