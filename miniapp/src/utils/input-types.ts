import { CARD_NUMBER_DIGITS, typedCardDigits, type InputType } from './card-number-typing';

// Keyboards and the card-number field in WeChat. The browser build resolves `input-types.h5.ts`.

/** WeChat's number keyboard. */
export const DIGITS_INPUT: InputType = 'number';

/** WeChat's ID keyboard (digits and X) suits mainland ID numbers only; HKID and permits need letters. */
export function idNumberInputType(mainland: boolean): InputType {
  return mainland ? 'idcard' : 'text';
}

/**
 * What the card-number field holds while typing: bare digits. WeChat's number keyboard accepts digits
 * only, so grouping is left out rather than risk the keyboard dropping or refusing the spaces.
 */
export function cardNumberFieldValue(typed: string): string {
  return typedCardDigits(typed);
}

/** The field's maxlength: the digits. */
export const CARD_NUMBER_FIELD_MAX = CARD_NUMBER_DIGITS;
