import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PHONE_COUNTRY_CODES,
  PHONE_REGIONS,
  maskPhone,
  normalizePhone,
  parseE164,
  toE164,
  validatePhone,
  type PhoneRegion,
} from '../../src/validation/phone';

// Phone numbers carry no check digit, so a digit replaced by another digit allowed at that position
// is indistinguishable from a real number: only characters the numbering plan forbids can be caught.

const DIGITS = '0123456789';
/** Characters allowed at each position, written independently of the validator's regular expressions. */
const POSITIONS: Record<PhoneRegion, string[]> = {
  CN: ['1', '3456789', ...Array<string>(9).fill(DIGITS)],
  HK: ['456789', ...Array<string>(7).fill(DIGITS)],
  MO: ['6', ...Array<string>(7).fill(DIGITS)],
};
const MASK_HEAD: Record<PhoneRegion, number> = { CN: 3, HK: 1, MO: 1 };
/** Candidate replacements: digits plus characters no plan allows (letters, symbols, a full-width digit). */
const POOL = [...DIGITS, 'A', 'x', '+', '#', '*', '(', '港', '０'];

const national = (region: PhoneRegion) =>
  fc.tuple(...POSITIONS[region].map((allowed) => fc.constantFrom(...allowed))).map((chars) => chars.join(''));
const regionAndNumber = fc
  .constantFrom(...PHONE_REGIONS)
  .chain((region) => national(region).map((number) => ({ region, number })));
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

describe('phones: fixed examples', () => {
  it('parses, builds and masks the three regions', () => {
    expect(parseE164('+86 13800138000')).toEqual({ region: 'CN', national: '13800138000' });
    expect(parseE164('+852 91234567')).toEqual({ region: 'HK', national: '91234567' });
    expect(parseE164('+853 66123456')).toEqual({ region: 'MO', national: '66123456' });
    expect(toE164('CN', '138 0013 8000')).toBe('+8613800138000');
    expect(toE164('HK', '9123-4567')).toBe('+85291234567');
    expect(maskPhone('+8613800138000')).toBe('+86 138****8000');
    expect(maskPhone('+852 91234567')).toBe('+852 9***4567');
    expect(maskPhone('+853 66123456')).toBe('+853 6***3456');
    expect(PHONE_COUNTRY_CODES).toEqual({ CN: '+86', HK: '+852', MO: '+853' });
  });

  it('accepts mobile ranges only', () => {
    expect(validatePhone('CN', '13800138000')).toBeNull();
    expect(validatePhone('CN', '12800138000')).toBe('format');
    expect(validatePhone('CN', '1380013800')).toBe('format');
    expect(validatePhone('HK', '4123 4567')).toBeNull();
    expect(validatePhone('HK', '21234567')).toBe('format'); // fixed line
    expect(validatePhone('MO', '66123456')).toBeNull();
    expect(validatePhone('MO', '28123456')).toBe('format'); // fixed line
    expect(validatePhone('MO', '91234567')).toBe('format');
    expect(validatePhone('CN', '')).toBe('empty');
    expect(validatePhone('HK', ' - ')).toBe('empty');
    expect(validatePhone('CN', '+8613800138000')).toBe('format');
  });

  it('refuses what it cannot place', () => {
    expect(parseE164('8613800138000')).toBeNull();
    expect(parseE164('+1 202 555 0123')).toBeNull();
    expect(parseE164('+852 21234567')).toBeNull();
    expect(parseE164('+86 1380013800a')).toBeNull();
    expect(() => toE164('MO', '28123456')).toThrow(RangeError);
    expect(maskPhone('call 555 0123')).toBe('call *** ****');
  });
});

describe('phones: properties', () => {
  it('generated mobile numbers pass and round-trip through E.164', () => {
    fc.assert(
      fc.property(regionAndNumber, ({ region, number }) => {
        expect(validatePhone(region, number)).toBeNull();
        const e164 = toE164(region, number);
        expect(e164).toBe(PHONE_COUNTRY_CODES[region] + number);
        expect(parseE164(e164)).toEqual({ region, national: number });
        const spaced = `${number.slice(0, 3)} ${number.slice(3, 7)}-${number.slice(7)}`;
        expect(normalizePhone(spaced)).toBe(number);
        expect(validatePhone(region, spaced)).toBeNull();
      }),
    );
  });

  it('a character not allowed at its position fails', () => {
    fc.assert(
      fc.property(regionAndNumber, ({ region, number }) => {
        POSITIONS[region].forEach((allowed, i) => {
          for (const c of POOL) {
            if (!allowed.includes(c)) expect(validatePhone(region, replaceAt(number, i, c))).toBe('format');
          }
        });
      }),
    );
  });

  it('a wrong length fails', () => {
    fc.assert(
      fc.property(regionAndNumber, fc.integer({ min: 1, max: 20 }), ({ region, number }, length) => {
        fc.pre(length !== number.length);
        const resized = length < number.length ? number.slice(0, length) : number.padEnd(length, '0');
        expect(validatePhone(region, resized)).toBe('format');
      }),
    );
  });

  it('the mask keeps the country code, the first digits and the last four only', () => {
    fc.assert(
      fc.property(regionAndNumber, ({ region, number }) => {
        const head = MASK_HEAD[region];
        const masked = maskPhone(toE164(region, number));
        const stars = '*'.repeat(number.length - head - 4);
        expect(masked).toBe(`${PHONE_COUNTRY_CODES[region]} ${number.slice(0, head)}${stars}${number.slice(-4)}`);
      }),
    );
  });
});
