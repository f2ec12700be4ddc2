import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAINLAND_PROVINCES,
  PLATE_REGIONS,
  formatPlate,
  normalizePlate,
  validatePlate,
  type PlateRegion,
} from '../../src/validation/plates';

// Registration marks carry no check digit, so a character replaced by another one allowed at that
// position is indistinguishable from a real plate: only characters the format forbids can be caught.

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I, O (GA 36-2018; Macau)
const HK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // no I, O, Q (Cap. 374E)
const ALNUM = LETTERS + DIGITS;
const HK_ALNUM = HK_LETTERS + DIGITS;
const PROVINCES = MAINLAND_PROVINCES.join('');

/**
 * Characters allowed at each position, per region and length: the union over every form of that
 * length, so a character outside it cannot make a valid plate whatever the other characters are.
 */
function allowedAt(region: PlateRegion, length: number): string[] | undefined {
  switch (region) {
    case 'mainland':
      if (length === 7) return [PROVINCES, LETTERS, ALNUM, ALNUM, ALNUM, ALNUM, `${ALNUM}港澳`];
      if (length === 8) return [PROVINCES, LETTERS, `DF${DIGITS}`, ALNUM, DIGITS, DIGITS, DIGITS, `${DIGITS}DF`];
      return undefined;
    case 'hk':
      return length >= 1 && length <= 8 ? Array<string>(length).fill(HK_ALNUM) : undefined;
    case 'macau':
      if (length === 6) return [LETTERS, LETTERS, DIGITS, DIGITS, DIGITS, DIGITS];
      if (length === 5) return ['M', DIGITS, DIGITS, DIGITS, DIGITS];
      return undefined;
  }
}

const from = (alphabet: string, minLength: number, maxLength = minLength) =>
  fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), minLength, maxLength });
const concat = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));

const mainlandPlate = fc.oneof(
  concat(from(PROVINCES, 1), from(LETTERS, 1), from(ALNUM, 5)), // ordinary
  concat(from(PROVINCES, 1), from(LETTERS, 1), from('DF', 1), from(ALNUM, 1), from(DIGITS, 4)), // small NEV
  concat(from(PROVINCES, 1), from(LETTERS, 1), from(DIGITS, 5), from('DF', 1)), // large NEV
  concat(fc.constant('粤Z'), from(ALNUM, 4), from('港澳', 1)), // cross-border
);
const hkPlate = fc.oneof(
  concat(from(HK_LETTERS, 1, 2), from('123456789', 1), from(DIGITS, 0, 3)), // ordinary
  from(HK_ALNUM, 1, 8), // personalised
);
const macauPlate = fc.oneof(concat(from(LETTERS, 2), from(DIGITS, 4)), concat(fc.constant('M'), from(DIGITS, 4)));
const plate = fc.oneof(
  mainlandPlate.map((number) => ({ region: 'mainland' as const, number })),
  hkPlate.map((number) => ({ region: 'hk' as const, number })),
  macauPlate.map((number) => ({ region: 'macau' as const, number })),
);

/** Candidate replacements: letters, digits, the cross-border suffixes, other Han characters, symbols. */
const POOL = [...LETTERS, 'I', 'O', 'Q', ...DIGITS, '港', '澳', '粤', '京', '学', '警', '使', '#', '*', '/', '０'];

const replaceAt = (s: string, i: number, c: string) => {
  const chars = Array.from(s);
  chars[i] = c;
  return chars.join('');
};

describe('plates: fixed examples', () => {
  it('mainland', () => {
    expect(validatePlate('mainland', '粤B·12345')).toBeNull();
    expect(validatePlate('mainland', '粤BD12345')).toBeNull(); // small new-energy vehicle
    expect(validatePlate('mainland', '粤B12345F')).toBeNull(); // large new-energy vehicle
    expect(validatePlate('mainland', '粤Z·A123港')).toBeNull(); // Hong Kong cross-border
    expect(validatePlate('mainland', '粤Z·1234澳')).toBeNull(); // Macau cross-border
    expect(validatePlate('mainland', '京a-b1234')).toBeNull();
    expect(validatePlate('mainland', ' 粤 B • 12345 ')).toBeNull();
    expect(validatePlate('mainland', '粵B12345')).toBeNull(); // Traditional 粵 typed by a Hong Kong driver
    expect(validatePlate('mainland', '')).toBe('empty');
    expect(validatePlate('mainland', ' · ')).toBe('empty');
    expect(validatePlate('mainland', '粤B·1234')).toBe('format');
    expect(validatePlate('mainland', '粤I·12345')).toBe('format');
    expect(validatePlate('mainland', '粤B·O2345')).toBe('format');
    expect(validatePlate('mainland', '粤B·1234港')).toBe('format'); // 港/澳 only after 粤Z
    expect(validatePlate('mainland', '京Z·1234港')).toBe('format');
    expect(validatePlate('mainland', '粤Z·12345港')).toBe('format');
    expect(validatePlate('mainland', '粤B123456')).toBe('format'); // 6 characters need D/F
    expect(validatePlate('mainland', '粤BDD1234D')).toBe('format');
    expect(validatePlate('mainland', '港B12345')).toBe('format');
  });

  it('Hong Kong', () => {
    expect(validatePlate('hk', 'AB 1234')).toBeNull();
    expect(validatePlate('hk', 'k8')).toBeNull();
    expect(validatePlate('hk', 'MYPR1NCE')).toBeNull(); // personalised, 8 characters
    expect(validatePlate('hk', '2318')).toBeNull(); // numerals only: Cap. 374E reg. 12E(1)(b)
    expect(validatePlate('hk', 'AQ 12')).toBe('format');
    expect(validatePlate('hk', 'IO 1234')).toBe('format');
    expect(validatePlate('hk', 'ABCDEFGH1')).toBe('format');
    expect(validatePlate('hk', 'AB·1234')).toBe('format');
    expect(validatePlate('hk', ' ')).toBe('empty');
  });

  it('Macau', () => {
    expect(validatePlate('macau', 'MX-12-34')).toBeNull();
    expect(validatePlate('macau', 'ma-12-34')).toBeNull();
    expect(validatePlate('macau', 'AA-12-34')).toBeNull();
    expect(validatePlate('macau', 'M-12-34')).toBeNull();
    expect(validatePlate('macau', 'X-12-34')).toBe('format');
    expect(validatePlate('macau', 'MI-12-34')).toBe('format');
    expect(validatePlate('macau', 'MX-12-345')).toBe('format');
    expect(validatePlate('macau', '')).toBe('empty');
  });

  it('formats for display', () => {
    expect(formatPlate('mainland', '粤B12345')).toBe('粤B·12345');
    expect(formatPlate('mainland', '粤Z1234港')).toBe('粤Z·1234港');
    expect(formatPlate('mainland', '粤BD12345')).toBe('粤B·D12345');
    expect(formatPlate('hk', 'AB1234')).toBe('AB 1234');
    expect(formatPlate('hk', 'K8')).toBe('K 8');
    expect(formatPlate('hk', 'MYPR1NCE')).toBe('MYPR1NCE');
    expect(formatPlate('macau', 'MX1234')).toBe('MX-12-34');
    expect(formatPlate('macau', 'M1234')).toBe('M-12-34');
    expect(formatPlate('macau', 'nonsense')).toBe('nonsense');
  });
});

describe('plates: properties', () => {
  it('generated plates pass, and their display form round-trips', () => {
    fc.assert(
      fc.property(plate, ({ region, number }) => {
        expect(validatePlate(region, number)).toBeNull();
        expect(normalizePlate(region, number)).toBe(number);
        const shown = formatPlate(region, number);
        expect(normalizePlate(region, shown)).toBe(number);
        expect(validatePlate(region, shown)).toBeNull();
        expect(validatePlate(region, shown.toLowerCase())).toBeNull();
      }),
    );
  });

  it('a character not allowed at its position fails', () => {
    fc.assert(
      fc.property(plate, ({ region, number }) => {
        const allowed = allowedAt(region, Array.from(number).length);
        expect(allowed).toBeDefined();
        allowed?.forEach((set, i) => {
          for (const c of POOL)
            if (!set.includes(c)) expect(validatePlate(region, replaceAt(number, i, c))).toBe('format');
        });
      }),
    );
  });

  it('a wrong length fails', () => {
    fc.assert(
      fc.property(plate, fc.integer({ min: 1, max: 12 }), ({ region, number }, length) => {
        fc.pre(allowedAt(region, length) === undefined);
        const chars = Array.from(number);
        const resized = length < chars.length ? chars.slice(0, length).join('') : number.padEnd(length, '1');
        expect(validatePlate(region, resized)).toBe('format');
      }),
    );
  });

  it('every region is covered', () => {
    expect([...PLATE_REGIONS]).toEqual(['mainland', 'hk', 'macau']);
    expect(MAINLAND_PROVINCES).toHaveLength(31);
    expect(new Set(MAINLAND_PROVINCES).size).toBe(31);
  });
});
