import { formatCardNumber } from '@cbc/shared';
import { CARD_NUMBER_DIGITS, typedCardDigits, type InputType } from './card-number-typing';

// Keyboards and the card-number field in the browser. The mini program resolves `input-types.ts`.

/**
 * `tel` (not in Taro's types, but Taro passes it through): a digit keypad too, but unlike `number` it
 * keeps the spaces of a grouped card number and shows no spinner.
 */
export const DIGITS_INPUT = 'tel' as InputType;

/** Browsers have no ID keyboard. */
export function idNumberInputType(_mainland: boolean): InputType {
  return 'text';
}

/** What the card-number field holds while typing: the digits grouped ("6288 1234 …"). */
export function cardNumberFieldValue(typed: string): string {
  return formatCardNumber(typedCardDigits(typed));
}

/** The field's maxlength: the digits plus the grouping spaces. */
export const CARD_NUMBER_FIELD_MAX = CARD_NUMBER_DIGITS + Math.ceil(CARD_NUMBER_DIGITS / 4) - 1;
