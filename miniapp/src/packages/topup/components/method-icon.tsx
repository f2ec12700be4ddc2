import { Text, View } from '@tarojs/components';
import { PAYMENT_METHOD_NAMES, type PaymentMethod } from '@cbc/shared';
import { useI18n } from '../../../i18n';

/**
 * A payment method's mark: the first character of its name on a tile in the app's own palette.
 * Deliberately not the real brands' logos or colours: nothing here should pass for a real payment app.
 */
export function MethodIcon({ method, size = 'normal' }: { method: PaymentMethod; size?: 'normal' | 'small' }) {
  const { lang } = useI18n();
  return (
    <View className={`method-icon method-icon--${method} method-icon--${size}`} ariaHidden>
      <Text className="method-icon__glyph">{PAYMENT_METHOD_NAMES[method][lang].slice(0, 1)}</Text>
    </View>
  );
}
