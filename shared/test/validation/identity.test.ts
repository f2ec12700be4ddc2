import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ID_DOCUMENT_TYPES,
  generateHkid,
  generateMainlandId,
  hkidCheckChar,
  mainlandIdCheckChar,
  maskIdNumber,
  normalizeIdNumber,
  validateIdNumber,
  type IdDocumentType,
} from '../../src/validation/identity';

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Fixed "today" (Hong Kong / Beijing time) so birth-date checks do not depend on the clock. */
const TODAY = new Date('2025-06-30T12:00:00+08:00');

const from = (alphabet: string, minLength: number, maxLength = minLength) =>
  fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength, maxLength });
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-29T00:00:00Z'), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`);
const mainlandId = fc
  .tuple(fc.constantFrom(...'1234568'), from(DIGITS, 5), birthDate, from(DIGITS, 3))
  .map(([first, rest, birth, seq]) => generateMainlandId(first + rest, birth, seq));
const hkid = fc.tuple(from(UPPER, 1, 2), from(DIGITS, 6)).map(([prefix, digits]) => generateHkid(prefix, digits));
const macauId = fc.tuple(fc.constantFrom(...'157'), from(DIGITS, 7)).map(([a, b]) => a + b);
const homeReturnPermit = fc
  .tuple(fc.constantFrom('H', 'M'), fc.oneof(from(DIGITS, 8), from(DIGITS, 10)))
  .map(([a, b]) => a + b);

const hkidValue = (c: string) => (c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - 55 : Number(c));

describe('mainland resident identity number (GB 11643-1999)', () => {
  it('fixed examples, checked by hand', () => {
    // GB 11643-1999 Appendix A example; weighted sum 167, 167 mod 11 = 2 → 'X'.
    expect(validateIdNumber('mainland_id', '11010519491231002X', TODAY)).toBeNull();
    expect(validateIdNumber('mainland_id', '11010519491231002x', TODAY)).toBeNull();
    expect(validateIdNumber('mainland_id', '110105 19491231 002X', TODAY)).toBeNull();
    expect(mainlandIdCheckChar('11010519491231002')).toBe('X');
    expect(validateIdNumber('mainland_id', '110105194912310021', TODAY)).toBe('check_digit');
    expect(generateMainlandId('440304', '20000229', '001')).toBe('440304200002290014'); // leap day
    expect(generateMainlandId('810000', '19800229', '001')).toBe('810000198002290011'); // HK resident permit
    expect(validateIdNumber('mainland_id', '810000198002290011', TODAY)).toBeNull();
  });

  it('reports format and birth-date problems', () => {
    expect(validateIdNumber('mainland_id', '', TODAY)).toBe('empty');
    expect(validateIdNumber('mainland_id', '11010519491231002', TODAY)).toBe('format');
    expect(validateIdNumber('mainland_id', '91010519491231002X', TODAY)).toBe('format');
    expect(validateIdNumber('mainland_id', '110105X9491231002X', TODAY)).toBe('format');
    const withDate = (birth: string) => {
      const first17 = `110105${birth}002`;
      return first17 + mainlandIdCheckChar(first17);
    };
    expect(validateIdNumber('mainland_id', withDate('19490230'), TODAY)).toBe('birth_date');
    expect(validateIdNumber('mainland_id', withDate('19000229'), TODAY)).toBe('birth_date'); // 1900 is not leap
    expect(validateIdNumber('mainland_id', withDate('18991231'), TODAY)).toBe('birth_date');
    expect(validateIdNumber('mainland_id', withDate('19001301'), TODAY)).toBe('birth_date');
    expect(validateIdNumber('mainland_id', withDate('19000101'), TODAY)).toBeNull();
    expect(validateIdNumber('mainland_id', withDate('20250630'), TODAY)).toBeNull();
    expect(validateIdNumber('mainland_id', withDate('20250701'), TODAY)).toBe('birth_date');
    // 16:30 UTC on 29 June is already 30 June in Hong Kong and Beijing.
    expect(validateIdNumber('mainland_id', withDate('20250630'), new Date('2025-06-29T16:30:00Z'))).toBeNull();
    expect(() => generateMainlandId('110105', '19490230', '002')).toThrow(RangeError);
    expect(() => generateMainlandId('010105', '19491231', '002')).toThrow(RangeError);
  });

  it('generated numbers pass', () => {
    fc.assert(
      fc.property(mainlandId, (id) => {
        expect(id).toMatch(/^\d{17}[\dX]$/);
        expect(validateIdNumber('mainland_id', id, TODAY)).toBeNull();
      }),
    );
  });

  it('every single-character substitution fails', () => {
    fc.assert(
      fc.property(mainlandId, (id) => {
        for (let i = 0; i < 18; i += 1) {
          const alphabet = i === 17 ? `${DIGITS}X` : DIGITS;
          for (const c of alphabet) {
            if (c === id.charAt(i)) continue;
            const problem = validateIdNumber('mainland_id', replaceAt(id, i, c), TODAY);
            // MOD 11-2 weights are all non-zero mod 11, so any one changed digit changes the sum mod 11;
            // a digit in the address or date may instead break the format or the date first.
            if (i === 0) expect(problem).toBe('079'.includes(c) ? 'format' : 'check_digit');
            else if (i >= 6 && i < 14) expect(['birth_date', 'check_digit']).toContain(problem);
            else expect(problem).toBe('check_digit');
          }
        }
      }),
    );
  });
});

describe('Hong Kong identity card number', () => {
  it('fixed examples, checked by hand', () => {
    // 36×9 + 10×8 + 1×7 + 2×6 + 3×5 + 4×4 + 5×3 + 6×2 = 481; 481 mod 11 = 8; 11 − 8 = 3.
    expect(validateIdNumber('hkid', 'A123456(3)')).toBeNull();
    expect(validateIdNumber('hkid', 'a123456 (3)')).toBeNull();
    expect(validateIdNumber('hkid', 'A123456（3）')).toBeNull();
    expect(validateIdNumber('hkid', 'A123456(4)')).toBe('check_digit');
    expect(validateIdNumber('hkid', 'C668668(E)')).toBe('format');
    // 10×9 + 11×8 + 9×7 + 8×6 + 7×5 + 6×4 + 5×3 + 4×2 = 371; 371 mod 11 = 8 → 3.
    expect(validateIdNumber('hkid', 'AB987654(3)')).toBeNull();
    expect(hkidCheckChar('G123456')).toBe('A');
    expect(validateIdNumber('hkid', 'G123456(A)')).toBeNull();
    expect(hkidCheckChar('K123456')).toBe('0');
    expect(generateHkid('a', '123456')).toBe('A1234563');
    expect(validateIdNumber('hkid', 'A12345(6)')).toBe('format');
    expect(validateIdNumber('hkid', 'ABC123456(7)')).toBe('format');
    expect(validateIdNumber('hkid', '')).toBe('empty');
    expect(() => hkidCheckChar('1234567')).toThrow(RangeError);
  });

  it('generated numbers pass', () => {
    fc.assert(
      fc.property(hkid, (id) => {
        expect(validateIdNumber('hkid', id)).toBeNull();
      }),
    );
  });

  it('every digit or check-character substitution fails; a letter 11 or 22 places away is not caught', () => {
    fc.assert(
      fc.property(hkid, (id) => {
        const letters = id.length - 7;
        for (let i = 0; i < id.length; i += 1) {
          const original = id.charAt(i);
          const isLetter = i < letters;
          const alphabet = isLetter ? UPPER : i === id.length - 1 ? `${DIGITS}A` : DIGITS;
          for (const c of alphabet) {
            if (c === original) continue;
            const problem = validateIdNumber('hkid', replaceAt(id, i, c));
            // Letters take values 10–35 under a prime modulus of 11: two letters whose values differ by
            // 11 or 22 (A/L/W, B/M/X, …) weigh the same, a known blind spot of the scheme.
            const blind = isLetter && (hkidValue(c) - hkidValue(original)) % 11 === 0;
            expect(problem).toBe(blind ? null : 'check_digit');
          }
        }
      }),
    );
    expect(validateIdNumber('hkid', 'L123456(3)')).toBeNull(); // A ↔ L: the blind spot, concretely
  });

  it('a letter check character other than A is a format error', () => {
    fc.assert(
      fc.property(hkid, fc.constantFrom(...'BCDEFGHJKXYZ'), (id, c) => {
        expect(validateIdNumber('hkid', replaceAt(id, id.length - 1, c))).toBe('format');
      }),
    );
  });
});

// Macau ID and Home Return Permit numbers have no public check digit, so a digit replaced by another
// digit is indistinguishable from a real number: only characters the format forbids can be caught.
const FORMAT_ONLY: {
  type: IdDocumentType;
  valid: fc.Arbitrary<string>;
  allowedAt: (length: number) => string[] | undefined;
}[] = [
  {
    type: 'macau_id',
    valid: macauId,
    allowedAt: (length) => (length === 8 ? ['157', ...Array<string>(7).fill(DIGITS)] : undefined),
  },
  {
    type: 'home_return_permit',
    valid: homeReturnPermit,
    allowedAt: (length) =>
      length === 9 || length === 11 ? ['HM', ...Array<string>(length - 1).fill(DIGITS)] : undefined,
  },
];
const POOL = [...DIGITS, ...UPPER, '#', '*', '港', '０'];

describe.each(FORMAT_ONLY)('$type (format only)', ({ type, valid, allowedAt }) => {
  it('generated numbers pass', () => {
    fc.assert(
      fc.property(valid, (id) => {
        expect(validateIdNumber(type, id)).toBeNull();
      }),
    );
  });

  it('a character not allowed at its position fails', () => {
    fc.assert(
      fc.property(valid, (id) => {
        allowedAt(id.length)?.forEach((set, i) => {
          for (const c of POOL)
            if (!set.includes(c)) expect(validateIdNumber(type, replaceAt(id, i, c))).toBe('format');
        });
      }),
    );
  });

  it('a wrong length fails', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 1, max: 14 }), (id, length) => {
        fc.pre(allowedAt(length) === undefined);
        const resized = length < id.length ? id.slice(0, length) : id.padEnd(length, '0');
        expect(validateIdNumber(type, resized)).toBe('format');
      }),
    );
  });
});

describe('format-only documents: fixed examples', () => {
  it('Macau ID', () => {
    expect(validateIdNumber('macau_id', '1234567(8)')).toBeNull();
    expect(normalizeIdNumber('macau_id', '1234567(8)')).toBe('12345678');
    expect(validateIdNumber('macau_id', '5215299(8)')).toBeNull();
    expect(validateIdNumber('macau_id', '7123456 8')).toBeNull();
    expect(validateIdNumber('macau_id', '2234567(8)')).toBe('format');
    expect(validateIdNumber('macau_id', '1234567')).toBe('format');
    expect(validateIdNumber('macau_id', '123(4567)8')).toBe('format');
  });

  it('Home Return Permit', () => {
    expect(validateIdNumber('home_return_permit', 'H12345678')).toBeNull();
    expect(validateIdNumber('home_return_permit', 'm 1234567890')).toBeNull();
    expect(validateIdNumber('home_return_permit', 'C12345678')).toBe('format');
    expect(validateIdNumber('home_return_permit', 'H123456789')).toBe('format');
    expect(validateIdNumber('home_return_permit', 'H1234567(8)')).toBe('format');
  });
});

describe('identity masks', () => {
  it('fixed examples', () => {
    expect(maskIdNumber('mainland_id', '11010519491231002X')).toBe('11**************2X');
    expect(maskIdNumber('hkid', 'A1234563')).toBe('A1*****3');
    expect(maskIdNumber('hkid', 'AB9876543')).toBe('AB******3');
    expect(maskIdNumber('macau_id', '12345678')).toBe('1******8');
    expect(maskIdNumber('home_return_permit', 'H12345678')).toBe('H1******8');
    expect(maskIdNumber('home_return_permit', 'M1234567890')).toBe('M1********0');
    expect(maskIdNumber('mainland_id', 'ABC')).toBe('***');
    expect(maskIdNumber('hkid', '')).toBe('');
  });

  const KEEP: Record<IdDocumentType, [number, number]> = {
    mainland_id: [2, 2],
    hkid: [2, 1],
    macau_id: [1, 1],
    home_return_permit: [2, 1],
  };
  const documents = fc.oneof(
    mainlandId.map((id) => ({ type: 'mainland_id' as const, id })),
    hkid.map((id) => ({ type: 'hkid' as const, id })),
    macauId.map((id) => ({ type: 'macau_id' as const, id })),
    homeReturnPermit.map((id) => ({ type: 'home_return_permit' as const, id })),
  );

  it('keep the ends, hide the middle and keep the length of valid numbers', () => {
    fc.assert(
      fc.property(documents, ({ type, id }) => {
        const [head, tail] = KEEP[type];
        const masked = maskIdNumber(type, id);
        expect(masked).toHaveLength(id.length);
        expect(masked.slice(0, head)).toBe(id.slice(0, head));
        expect(masked.slice(-tail)).toBe(id.slice(-tail));
        expect(masked.slice(head, -tail)).toMatch(/^\*+$/);
      }),
    );
  });

  it('never reveal more than 4 original characters, whatever the input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ID_DOCUMENT_TYPES), fc.string({ maxLength: 40 }), (type, input) => {
        fc.pre(!input.includes('*'));
        const masked = Array.from(maskIdNumber(type, input));
        expect(masked).toHaveLength(Array.from(input).length);
        expect(masked.filter((c) => c !== '*').length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('normalizeIdNumber', () => {
  it('drops the brackets around a check digit only where the card prints them', () => {
    expect(normalizeIdNumber('hkid', ' a123456(3) ')).toBe('A1234563');
    expect(normalizeIdNumber('hkid', 'A123(456)3')).toBe('A123(456)3');
    expect(normalizeIdNumber('mainland_id', '1(2)')).toBe('1(2)');
    expect(normalizeIdNumber('home_return_permit', 'h 1234 5678')).toBe('H12345678');
  });
});
