import type { InputProps } from '@tarojs/components';

type InputType = NonNullable<InputProps['type']>;

const isH5 = process.env.TARO_ENV === 'h5';

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
