import type { InputProps } from '@tarojs/components';
import { CARD_NUMBER_RULES, normalizeCardNumber } from '@cbc/shared';

/** A Taro input's `type`. */
export type InputType = NonNullable<InputProps['type']>;

export const CARD_NUMBER_DIGITS = CARD_NUMBER_RULES.zhonggangtong.length;

/** The digits of what was typed into the card-number field, at most a card number's worth. */
export function typedCardDigits(typed: string): string {
  return normalizeCardNumber(typed).replace(/\D/g, '').slice(0, CARD_NUMBER_DIGITS);
}
