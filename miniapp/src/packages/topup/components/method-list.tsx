import { Text, View } from '@tarojs/components';
import { PAYMENT_METHOD_NAMES, type PaymentMethod } from '@cbc/shared';
import { SimulationBadge } from '../../../components/notices';
import { useI18n } from '../../../i18n';
import { MethodIcon } from './method-icon';

/** The payment methods the card accepts, one to choose, each marked 模拟. */
export function MethodList({
  methods,
  value,
  onChange,
}: {
  methods: readonly PaymentMethod[];
  value: PaymentMethod | null;
  onChange: (method: PaymentMethod) => void;
}) {
  const { lang, t } = useI18n();
  return (
    <View className="panel methods js-methods" ariaRole="radiogroup" ariaLabel={t('topup.method')}>
      {methods.map((method) => {
        const active = method === value;
        return (
          <View
            key={method}
            className={`method-row js-method js-method-${method}${active ? ' is-active' : ''}`}
            ariaRole="radio"
            ariaChecked={active}
            onClick={() => onChange(method)}
          >
            <MethodIcon method={method} />
            <Text className="method-row__name">{PAYMENT_METHOD_NAMES[method][lang]}</Text>
            <SimulationBadge className="method-row__badge" />
            <View className={`radio-mark${active ? ' is-on' : ''}`} />
          </View>
        );
      })}
    </View>
  );
}
