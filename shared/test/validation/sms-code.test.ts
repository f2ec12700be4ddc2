import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMS_CODE_LENGTH, isSmsCodeFormat } from '../../src/validation/sms-code';

describe('SMS code', () => {
  it('fixed examples', () => {
    expect(SMS_CODE_LENGTH).toBe(6);
    expect(isSmsCodeFormat('123456')).toBe(true);
    expect(isSmsCodeFormat('000000')).toBe(true);
    for (const bad of ['', '12345', '1234567', '12345a', ' 123456', '123 456', '１２３４５６', '١٢٣٤٥٦']) {
      expect(isSmsCodeFormat(bad), bad).toBe(false);
    }
  });

  it('accepts exactly six ASCII digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }), (code) => {
        expect(isSmsCodeFormat(code)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (code) => {
        expect(isSmsCodeFormat(code)).toBe(/^[0-9]{6}$/.test(code));
      }),
    );
  });
});
