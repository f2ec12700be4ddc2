import { useState } from 'react';
import { isSmsCodeFormat, validatePassword, validationMessage, type Language } from '@cbc/shared';
import { toApiError } from '../../../api';
import { fieldOfError, useFormErrors } from '../../../utils/use-form-errors';

/** Errors the server reports by code without naming a field, for the forms that take an SMS code. */
export const SMS_FIELD_BY_CODE = {
  PHONE_ALREADY_REGISTERED: 'phone',
  SMS_CODE_INVALID: 'smsCode',
  SMS_CODE_EXPIRED: 'smsCode',
  SMS_CODE_LOCKED: 'smsCode',
  SMS_CODE_TOO_SOON: 'smsCode',
  RATE_LIMITED: 'smsCode',
} as const;

/** The rules of a new password (register and reset), in words; null when it passes. */
export function newPasswordError(lang: Language, password: string): string | null {
  const problem = validatePassword(password);
  return problem ? validationMessage(lang, `validation.password.${problem}`) : null;
}

export function smsCodeError(lang: Language, code: string): string | null {
  if (code === '') return validationMessage(lang, 'validation.smsCode.empty');
  return isSmsCodeFormat(code) ? null : validationMessage(lang, 'validation.smsCode.format');
}

/**
 * The error plumbing of an account form: per-field errors (client checks and server answers), one
 * form-level error for answers that name no field, and `edit`, which clears both as the user types.
 */
export function useAccountForm<F extends string>(fields: readonly F[], byCode: Partial<Record<string, F>> = {}) {
  const form = useFormErrors<F>();
  const [formError, setFormError] = useState<string | null>(null);

  const showServerError = (caught: unknown) => {
    const error = toApiError(caught);
    const field = fieldOfError(error, fields, byCode);
    if (field) form.setServerError(field, error.message);
    else setFormError(error.message);
  };

  const edit = (field: F, set: (value: string) => void) => (value: string) => {
    set(value);
    form.edited(field);
    setFormError(null);
  };

  /** Marks the form submitted; true when every field passes its client check. */
  const validate = (clientErrors: Record<F, string | null>): boolean => {
    form.markSubmitted();
    setFormError(null);
    return !fields.some((field) => clientErrors[field]);
  };

  return { form, formError, setFormError, showServerError, edit, validate };
}
