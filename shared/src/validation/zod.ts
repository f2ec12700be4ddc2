import { z } from 'zod';
import type { CardId } from '../cards/cards';
import { validateCardNumber, type CardNumberProblem } from './card-number';
import { ID_DOCUMENT_TYPES, validateIdNumber, type IdNumberProblem } from './identity';
import { validatePassword, type PasswordProblem } from './password';
import { PHONE_REGIONS, validatePhone, type PhoneProblem } from './phone';
import { PLATE_REGIONS, validatePlate, type PlateProblem, type PlateRegion } from './plates';
import { isSmsCodeFormat } from './sms-code';

/**
 * Zod schemas for the API contracts. Every refinement reports a stable message key
 * (`validation.<field>.<problem>`) instead of prose, so the server and the miniapp can look the
 * text up in the user's language (see i18n/validation-messages.ts).
 */

export type ValidationMessageKey =
  | `validation.phone.${PhoneProblem}`
  | `validation.password.${PasswordProblem}`
  | `validation.smsCode.${'empty' | 'format'}`
  | 'validation.plate.empty'
  | `validation.plate.format.${PlateRegion}`
  | `validation.id.${IdNumberProblem}`
  | `validation.cardNumber.${CardNumberProblem}`;

export const VALIDATION_MESSAGE_KEYS = [
  'validation.phone.empty',
  'validation.phone.format',
  'validation.password.too_short',
  'validation.password.too_long',
  'validation.password.too_weak',
  'validation.smsCode.empty',
  'validation.smsCode.format',
  'validation.plate.empty',
  'validation.plate.format.mainland',
  'validation.plate.format.hk',
  'validation.plate.format.macau',
  'validation.id.empty',
  'validation.id.format',
  'validation.id.check_digit',
  'validation.id.birth_date',
  'validation.cardNumber.empty',
  'validation.cardNumber.not_digits',
  'validation.cardNumber.wrong_length',
  'validation.cardNumber.wrong_prefix',
  'validation.cardNumber.check_digit',
] as const satisfies readonly ValidationMessageKey[];

// Fails to compile if a key of the union is missing from the list above.
type MissingKeys = Exclude<ValidationMessageKey, (typeof VALIDATION_MESSAGE_KEYS)[number]>;
const _allKeysListed: MissingKeys extends never ? true : never = true;

export function isValidationMessageKey(value: unknown): value is ValidationMessageKey {
  return typeof value === 'string' && (VALIDATION_MESSAGE_KEYS as readonly string[]).includes(value);
}

export const phoneInputSchema = z
  .object({ region: z.enum(PHONE_REGIONS), number: z.string() })
  .superRefine((value, ctx) => {
    const problem = validatePhone(value.region, value.number);
    if (problem) ctx.addIssue({ code: 'custom', path: ['number'], message: `validation.phone.${problem}` });
  });

export const passwordSchema = z.string().superRefine((value, ctx) => {
  const problem = validatePassword(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `validation.password.${problem}` });
});

export const smsCodeSchema = z.string().superRefine((value, ctx) => {
  if (value === '') ctx.addIssue({ code: 'custom', message: 'validation.smsCode.empty' });
  else if (!isSmsCodeFormat(value)) ctx.addIssue({ code: 'custom', message: 'validation.smsCode.format' });
});

export const plateInputSchema = z
  .object({ region: z.enum(PLATE_REGIONS), number: z.string() })
  .superRefine((value, ctx) => {
    const problem = validatePlate(value.region, value.number);
    if (problem) ctx.addIssue({ code: 'custom', path: ['number'], message: plateMessageKey(value.region, problem) });
  });

/** A plate's problem, with examples of the region chosen (a Hong Kong plate is not shown 粤B·12345). */
export function plateMessageKey(region: PlateRegion, problem: PlateProblem): ValidationMessageKey {
  return problem === 'empty' ? 'validation.plate.empty' : `validation.plate.format.${region}`;
}

export const idDocumentInputSchema = z
  .object({ type: z.enum(ID_DOCUMENT_TYPES), number: z.string() })
  .superRefine((value, ctx) => {
    const problem = validateIdNumber(value.type, value.number);
    if (problem) ctx.addIssue({ code: 'custom', path: ['number'], message: `validation.id.${problem}` });
  });

/**
 * The card-number rule depends on the card type, a sibling field, so it cannot live in a field
 * schema; an object schema with both fields calls this from its own superRefine.
 */
export function bindCardNumberCheck(card: CardId, number: string): ValidationMessageKey | null {
  const problem = validateCardNumber(card, number);
  return problem ? `validation.cardNumber.${problem}` : null;
}
