import type { InputProps } from '@tarojs/components';
import { CARD_NUMBER_RULES, formatCardNumber, normalizeCardNumber } from '@cbc/shared';

type InputType = NonNullable<InputProps['type']>;

const isH5 = process.env.TARO_ENV === 'h5';
const CARD_NUMBER_DIGITS = CARD_NUMBER_RULES.zhonggangtong.length;

/**
 * Keyboards per platform. WeChat: its number keyboard. Browser: `tel` (Taro passes the type through),
 * which opens a digit keypad too but, unlike `number`, keeps the spaces of a grouped card number
 * and shows no spinner.
 */
export const DIGITS_INPUT = (isH5 ? 'tel' : 'number') as InputType;

/** WeChat's ID keyboard (digits and X) suits mainland ID numbers only; HKID and permits need letters. */
export function idNumberInputType(mainland: boolean): InputType {
  return mainland && !isH5 ? 'idcard' : 'text';
}

/**
 * What the card-number field holds while typing. The browser shows it grouped ("6288 1234 …"); WeChat's
 * number keyboard accepts digits only, so there the field keeps bare digits and grouping is left out
 * rather than risk the keyboard dropping or refusing the spaces.
 */
export function cardNumberFieldValue(typed: string): string {
  const digits = normalizeCardNumber(typed).replace(/\D/g, '').slice(0, CARD_NUMBER_DIGITS);
  return isH5 ? formatCardNumber(digits) : digits;
}

/** The field's maxlength: the digits, plus the grouping spaces where the field shows them. */
export const CARD_NUMBER_FIELD_MAX = isH5
  ? CARD_NUMBER_DIGITS + Math.ceil(CARD_NUMBER_DIGITS / 4) - 1
  : CARD_NUMBER_DIGITS;
