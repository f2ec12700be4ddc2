import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api';
import { fieldOfError } from '../../src/utils/use-form-errors';

const FIELDS = ['phone', 'password', 'smsCode', 'plates.0.number', 'plates.1.number'] as const;
const error = (field?: string, code: ConstructorParameters<typeof ApiError>[0] = 'VALIDATION_FAILED') =>
  new ApiError(code, 'x', 400, field);

describe('fieldOfError', () => {
  it('places a server error on the field it names, or the part of it the form has', () => {
    expect(fieldOfError(error('password'), FIELDS)).toBe('password');
    // The server names a part of a field the form shows whole.
    expect(fieldOfError(error('phone.number'), FIELDS)).toBe('phone');
    // The server names a whole plate; the form's field is its number.
    expect(fieldOfError(error('plates.1'), FIELDS)).toBe('plates.1.number');
    expect(fieldOfError(error('plates.0.number'), FIELDS)).toBe('plates.0.number');
  });

  it('does not mistake a field for another with the same start', () => {
    expect(fieldOfError(error('phoneRegion'), FIELDS)).toBeNull();
    expect(fieldOfError(error('plates.10'), FIELDS)).toBeNull();
  });

  it('falls back to the error code, then to none', () => {
    const byCode = { SMS_CODE_INVALID: 'smsCode', PHONE_ALREADY_REGISTERED: 'phone' } as const;
    expect(fieldOfError(error(undefined, 'SMS_CODE_INVALID'), FIELDS, byCode)).toBe('smsCode');
    expect(fieldOfError(error('email', 'PHONE_ALREADY_REGISTERED'), FIELDS, byCode)).toBe('phone');
    expect(fieldOfError(error(undefined, 'RATE_LIMITED'), FIELDS, byCode)).toBeNull();
    expect(fieldOfError(error('email'), FIELDS)).toBeNull();
  });
});
