import { useState } from 'react';
import { PHONE_REGIONS, normalizePhone, validatePhone, validationMessage, type PhoneRegion } from '@cbc/shared';
import { useI18n } from '../../../i18n';

function isRegion(value: string | undefined): value is PhoneRegion {
  return (PHONE_REGIONS as readonly (string | undefined)[]).includes(value);
}

/**
 * The phone of an account form: region and number as typed, its problem in words, and the request
 * value. `initial` comes from a page link (the login page hands its phone to 忘记密码) and is only a start.
 */
export function usePhoneInput(initial: { region?: string; number?: string } = {}) {
  const { lang } = useI18n();
  const [region, setRegion] = useState<PhoneRegion>(isRegion(initial.region) ? initial.region : 'CN');
  const [number, setNumber] = useState(initial.number ?? '');
  const problem = validatePhone(region, number);
  return {
    region,
    number,
    setRegion,
    setNumber,
    error: problem ? validationMessage(lang, `validation.phone.${problem}`) : null,
    /** What the API takes: the number without spaces or dashes. */
    value: { region, number: normalizePhone(number) },
  };
}

export type PhoneInput = ReturnType<typeof usePhoneInput>;

/** What `PhoneField` takes, wired to a form: editing clears the field's server error and the form's. */
export function phoneFieldProps(
  phone: PhoneInput,
  account: {
    form: {
      shown: (field: 'phone', error: string | null) => string | null;
      edited: (field: 'phone') => void;
      touch: (field: 'phone') => void;
    };
    edit: (field: 'phone', set: (value: string) => void) => (value: string) => void;
  },
  error: string | null = phone.error,
) {
  return {
    region: phone.region,
    number: phone.number,
    error: account.form.shown('phone', error),
    onRegion: (next: PhoneRegion) => {
      phone.setRegion(next);
      account.form.edited('phone');
    },
    onNumber: account.edit('phone', phone.setNumber),
    onBlur: () => account.form.touch('phone'),
  };
}
