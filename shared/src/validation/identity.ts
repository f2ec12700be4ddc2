/**
 * Identity documents a card holder may present when binding a card.
 *
 * - mainland_id: 18-character citizen identity number, GB 11643-1999《公民身份号码》
 *   (https://zh.wikisource.org/wiki/GB_11643-1999_公民身份号码): 6-digit address code (GB/T 2260,
 *   first digit 1–6 by region; 8 is used by the residence permits for Hong Kong, Macau and Taiwan
 *   residents), birth date YYYYMMDD, 3-digit sequence, ISO/IEC 7064 MOD 11-2 check character
 *   (https://www.iso.org/standard/31531.html).
 * - hkid: Hong Kong identity card, 1–2 letters + 6 digits + check character 0–9 or A; the mod-11
 *   scheme is described at https://en.wikipedia.org/wiki/Hong_Kong_identity_card#Check_digit.
 * - macau_id: Macau resident identity card (BIR), 8 digits whose first is 1, 5 or 7, printed
 *   `1234567(8)` (https://en.wikipedia.org/wiki/Macau_Resident_Identity_Card). The last digit is a
 *   check digit, but its algorithm is not public, so only the format is checked.
 * - home_return_permit: 港澳居民来往内地通行证, H (Hong Kong) or M (Macau) + 8 digits on the card issued
 *   since 2013, + 10 digits on the older booklet
 *   (https://en.wikipedia.org/wiki/Mainland_Travel_Permit_for_Hong_Kong_and_Macao_Residents). No
 *   public check digit.
 */

export const ID_DOCUMENT_TYPES = ['mainland_id', 'hkid', 'macau_id', 'home_return_permit'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];
export type IdNumberProblem = 'empty' | 'format' | 'check_digit' | 'birth_date';

const MAINLAND_ID = /^[1-68]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;
const HKID = /^[A-Z]{1,2}\d{6}[\dA]$/;
const MACAU_ID = /^[157]\d{7}$/;
const HOME_RETURN_PERMIT = /^[HM](?:\d{8}|\d{10})$/;

/** GB 11643-1999 §7: weight of position i is 2^(17−i) mod 11; sum mod 11 indexes this string. */
const MAINLAND_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const MAINLAND_CHECK_CHARS = '10X98765432';

/** Earliest birth date accepted; the standard was written for people living in 1999. */
const EARLIEST_BIRTH = { year: 1900, month: 1, day: 1 };
/** Mainland China, Hong Kong and Macau all keep UTC+8, so "today" is taken there, not on the host. */
const UTC_PLUS_8_MS = 8 * 60 * 60 * 1000;

/**
 * Uppercases and removes whitespace. On HKID and Macau ID cards the check digit is printed in
 * brackets (`A123456(3)`, `1234567(8)`); those brackets, ASCII or full-width, are dropped too.
 */
export function normalizeIdNumber(type: IdDocumentType, input: string): string {
  const compact = input.replace(/\s/g, '').toUpperCase();
  if (type !== 'hkid' && type !== 'macau_id') return compact;
  return compact.replace(/[(（]([^()（）])[)）]$/u, '$1');
}

/** The check character for the first 17 characters of a mainland identity number. */
export function mainlandIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('mainlandIdCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * (MAINLAND_WEIGHTS[i] ?? 0);
  return MAINLAND_CHECK_CHARS.charAt(sum % 11);
}

/** Letter values of the HKID scheme: A = 10 … Z = 35, and the blank before a one-letter prefix = 36. */
function hkidValue(char: string): number {
  if (char === ' ') return 36;
  const code = char.charCodeAt(0);
  return code >= 65 && code <= 90 ? code - 55 : code - 48;
}

/** The HKID check character ('0'–'9' or 'A') for a 1–2 letter prefix followed by 6 digits. */
export function hkidCheckChar(body: string): string {
  if (!/^[A-Z]{1,2}\d{6}$/.test(body)) throw new RangeError('hkidCheckChar expects 1–2 letters and 6 digits');
  // A one-letter prefix is padded with a blank so there are always 8 weighted positions (9 … 2).
  const padded = body.length === 7 ? ` ${body}` : body;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += hkidValue(padded.charAt(i)) * (9 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Comparable yyyymmdd number. */
function dateKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

function isPlausibleBirthDate(year: number, month: number, day: number, today: Date): boolean {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const local = new Date(today.getTime() + UTC_PLUS_8_MS);
  const todayKey = dateKey(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  const key = dateKey(year, month, day);
  return key >= dateKey(EARLIEST_BIRTH.year, EARLIEST_BIRTH.month, EARLIEST_BIRTH.day) && key <= todayKey;
}

/**
 * First problem of an identity number, or null. For mainland numbers a date problem is reported
 * before the check character because it points the holder at the exact digits to re-read.
 * `today` is a parameter so tests do not depend on the clock.
 */
export function validateIdNumber(
  type: IdDocumentType,
  input: string,
  today: Date = new Date(),
): IdNumberProblem | null {
  const id = normalizeIdNumber(type, input);
  if (id === '') return 'empty';
  switch (type) {
    case 'mainland_id': {
      const match = MAINLAND_ID.exec(id);
      if (!match) return 'format';
      const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
      if (!isPlausibleBirthDate(year, month, day, today)) return 'birth_date';
      return mainlandIdCheckChar(id.slice(0, 17)) === id.charAt(17) ? null : 'check_digit';
    }
    case 'hkid':
      if (!HKID.test(id)) return 'format';
      return hkidCheckChar(id.slice(0, -1)) === id.slice(-1) ? null : 'check_digit';
    case 'macau_id':
      return MACAU_ID.test(id) ? null : 'format';
    case 'home_return_permit':
      return HOME_RETURN_PERMIT.test(id) ? null : 'format';
  }
}

/** Characters kept visible at each end; never more than 4 in total. */
const MASK_KEEP: Record<IdDocumentType, { head: number; tail: number }> = {
  mainland_id: { head: 2, tail: 2 },
  hkid: { head: 2, tail: 1 },
  macau_id: { head: 1, tail: 1 },
  home_return_permit: { head: 2, tail: 1 },
};

/**
 * Hides everything but a few end characters, keeping the length so the holder can see which
 * document it is (`44**************1X`, `A1*****3`, `1******8`, `H1******8`). The birth date and
 * sequence of a mainland number are always hidden. A value too short to keep a hidden middle at
 * least as long as the visible ends is masked completely.
 */
export function maskIdNumber(type: IdDocumentType, normalized: string): string {
  const chars = Array.from(normalized);
  const { head, tail } = MASK_KEEP[type];
  if (chars.length < 2 * (head + tail)) return '*'.repeat(chars.length);
  const middle = '*'.repeat(chars.length - head - tail);
  return chars.slice(0, head).join('') + middle + chars.slice(chars.length - tail).join('');
}

/** A valid mainland number from its parts; the birth date must be a real calendar date. */
export function generateMainlandId(area6: string, birth: string, seq3: string): string {
  if (!/^[1-68]\d{5}$/.test(area6)) throw new RangeError('area6 must be 6 digits starting 1–6 or 8');
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(birth);
  const [year, month, day] = date ? [date[1], date[2], date[3]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError('birth must be YYYYMMDD');
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError('birth must be a real calendar date');
  }
  if (!/^\d{3}$/.test(seq3)) throw new RangeError('seq3 must be 3 digits');
  const first17 = area6 + birth + seq3;
  return first17 + mainlandIdCheckChar(first17);
}

/** A valid HKID in normalized form (no brackets), e.g. `generateHkid('A', '123456')` → `A1234563`. */
export function generateHkid(prefix: string, digits6: string): string {
  const body = prefix.toUpperCase() + digits6;
  return body + hkidCheckChar(body);
}
