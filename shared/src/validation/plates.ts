/**
 * Vehicle registration marks of the three regions. None of them carries a check digit, so only the
 * public format is checked.
 *
 * Mainland: GA 36-2018《中华人民共和国机动车号牌》(summary: https://en.wikipedia.org/wiki/Vehicle_registration_plates_of_China).
 *   - ordinary: province abbreviation + issuing-authority letter + 5 characters of A–Z and 0–9;
 *     I and O are never used, to avoid confusion with 1 and 0.
 *   - new energy: 6 characters, small vehicles `[DF][A-Z0-9]\d{4}`, large vehicles `\d{5}[DF]`
 *     (D = battery electric, F = other new energy).
 *   - Hong Kong / Macau cross-border: `粤Z` + 4 characters + 港 or 澳, issued by the Guangdong traffic
 *     police under the same standard (https://m.163.com/dy/article/JSN3HNUH05149GFF.html, 广东交警).
 * Hong Kong: Road Traffic (Registration and Licensing of Vehicles) Regulations, Cap. 374E
 *   (https://www.elegislation.gov.hk/hk/cap374E). Ordinary marks are 1–2 letters + 1–9999 without a
 *   leading zero, or the early marks without letters; personalised marks (reg. 12E) have at most 8
 *   letters and numerals. I, O and Q are never used.
 * Macau: DSAT marks `MX-12-34`; the M series ran out at the end of 2021 and newer marks start with
 *   other letters (https://en.wikipedia.org/wiki/Vehicle_registration_plates_of_Macau); the oldest
 *   marks have a single M (`M-12-34`).
 */

export const PLATE_REGIONS = ['mainland', 'hk', 'macau'] as const;
export type PlateRegion = (typeof PLATE_REGIONS)[number];
export type PlateProblem = 'empty' | 'format';

/** The 31 provincial-level abbreviations that open a mainland plate, in the usual plate-keyboard order. */
export const MAINLAND_PROVINCES: readonly string[] = Array.from(
  '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼',
);

const PROVINCE = `[${MAINLAND_PROVINCES.join('')}]`;
/** Letters used on mainland and Macau plates: A–Z without I and O. */
const LETTER = 'A-HJ-NP-Z';
/** Letters used on Hong Kong plates: A–Z without I, O and Q. */
const HK_LETTER = 'A-HJ-NPR-Z';

const MAINLAND_ORDINARY = new RegExp(`^${PROVINCE}[${LETTER}][${LETTER}0-9]{5}$`, 'u');
const MAINLAND_NEW_ENERGY = new RegExp(`^${PROVINCE}[${LETTER}](?:[DF][${LETTER}0-9]\\d{4}|\\d{5}[DF])$`, 'u');
const MAINLAND_CROSS_BORDER = new RegExp(`^粤Z[${LETTER}0-9]{4}[港澳]$`, 'u');

const HK_STANDARD = new RegExp(`^([${HK_LETTER}]{1,2})([1-9]\\d{0,3})$`);
const HK_PERSONALISED = new RegExp(`^[${HK_LETTER}0-9]{1,8}$`);

const MACAU_CURRENT = new RegExp(`^([${LETTER}]{2})(\\d{2})(\\d{2})$`);
const MACAU_OLD = /^(M)(\d{2})(\d{2})$/;

/**
 * Traditional forms of the province abbreviations. Plates are painted in Simplified script, but a
 * Hong Kong or Macau driver typing with a Traditional input method gets 粵, not 粤.
 */
const TRADITIONAL_PROVINCES: Readonly<Record<string, string>> = {
  滬: '沪',
  雲: '云',
  遼: '辽',
  魯: '鲁',
  蘇: '苏',
  贛: '赣',
  晉: '晋',
  陝: '陕',
  閩: '闽',
  貴: '贵',
  粵: '粤',
  寧: '宁',
  瓊: '琼',
};

/**
 * Uppercases Latin letters and removes the separators people type or copy from the plate
 * (spaces, hyphens; on mainland plates also the middle dot). Chinese characters are kept, with a
 * Traditional province abbreviation mapped to the Simplified one on the plate.
 */
export function normalizePlate(region: PlateRegion, input: string): string {
  if (region !== 'mainland') return input.replace(/[\s-]/g, '').toUpperCase();
  return Array.from(input.replace(/[\s\-·•]/gu, '').toUpperCase(), (char) => TRADITIONAL_PROVINCES[char] ?? char).join(
    '',
  );
}

function isValidNormalized(region: PlateRegion, plate: string): boolean {
  switch (region) {
    case 'mainland':
      return MAINLAND_ORDINARY.test(plate) || MAINLAND_NEW_ENERGY.test(plate) || MAINLAND_CROSS_BORDER.test(plate);
    case 'hk':
      // Every ordinary mark also fits the personalised character rules, so one test covers both.
      return HK_PERSONALISED.test(plate);
    case 'macau':
      return MACAU_CURRENT.test(plate) || MACAU_OLD.test(plate);
  }
}

export function validatePlate(region: PlateRegion, input: string): PlateProblem | null {
  const plate = normalizePlate(region, input);
  if (plate === '') return 'empty';
  return isValidNormalized(region, plate) ? null : 'format';
}

/**
 * Display form as painted on the plate: `粤B·12345`, `粤Z·1234港`, `AB 1234`, `MX-12-34`.
 * A value that is not a valid normalized plate is returned unchanged.
 */
export function formatPlate(region: PlateRegion, normalized: string): string {
  if (!isValidNormalized(region, normalized)) return normalized;
  switch (region) {
    case 'mainland': {
      const chars = Array.from(normalized);
      return `${chars.slice(0, 2).join('')}·${chars.slice(2).join('')}`;
    }
    case 'hk': {
      const standard = HK_STANDARD.exec(normalized);
      // Personalised marks have no fixed grouping, so they are shown as one block.
      return standard ? `${standard[1]} ${standard[2]}` : normalized;
    }
    case 'macau': {
      const match = MACAU_CURRENT.exec(normalized) ?? MACAU_OLD.exec(normalized);
      return match ? `${match[1]}-${match[2]}-${match[3]}` : normalized;
    }
  }
}
