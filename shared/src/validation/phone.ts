/**
 * Mobile numbers of the three regions a cross-border driver may use to register.
 * Only mobile ranges are accepted because the simulated flow sends an SMS code.
 *
 * - Mainland China (+86): 11 digits `1[3-9]x…`, per the MIIT numbering plan
 *   (电信网编号计划, summarised at https://en.wikipedia.org/wiki/Telephone_numbers_in_China).
 * - Hong Kong (+852): 8 digits; mobile numbers lead with 5, 6 or 9, and since 2018 also 4, 7 and 8
 *   (OFCA, https://www.ofca.gov.hk/en/media_focus/press_releases/index_t_id_1615.html).
 * - Macau (+853): 8 digits; the numbering plan (第179/2006號運輸工務司司長批示, text at
 *   http://worldlii.org/chi/mo/legis/laws/17920060; now administered by CTT, https://www.ctt.gov.mo/)
 *   gives the leading digit 6 to mobile service.
 * E.164 form per ITU-T E.164 (https://www.itu.int/rec/T-REC-E.164).
 */

export const PHONE_REGIONS = ['CN', 'HK', 'MO'] as const;
export type PhoneRegion = (typeof PHONE_REGIONS)[number];

export const PHONE_COUNTRY_CODES: Record<PhoneRegion, '+86' | '+852' | '+853'> = {
  CN: '+86',
  HK: '+852',
  MO: '+853',
};

export type PhoneProblem = 'empty' | 'format';

const MOBILE_PATTERNS: Record<PhoneRegion, RegExp> = {
  CN: /^1[3-9]\d{9}$/,
  HK: /^[4-9]\d{7}$/,
  MO: /^6\d{7}$/,
};

/** Digits shown before the stars in a masked number: the mainland carrier block is 3 digits. */
const MASK_HEAD: Record<PhoneRegion, number> = { CN: 3, HK: 1, MO: 1 };

/** Removes the spaces and hyphens people type between digit groups. */
export function normalizePhone(national: string): string {
  return national.replace(/[\s-]/g, '');
}

export function validatePhone(region: PhoneRegion, national: string): PhoneProblem | null {
  const number = normalizePhone(national);
  if (number === '') return 'empty';
  return MOBILE_PATTERNS[region].test(number) ? null : 'format';
}

/** `+8613800138000`. Throws on a number validatePhone refuses, so nothing malformed is stored. */
export function toE164(region: PhoneRegion, national: string): string {
  if (validatePhone(region, national) !== null) throw new RangeError(`Not a ${region} mobile number`);
  return PHONE_COUNTRY_CODES[region] + normalizePhone(national);
}

/** Splits an E.164 number (spaces and hyphens allowed) back into region and national number; null if invalid. */
export function parseE164(e164: string): { region: PhoneRegion; national: string } | null {
  const match = /^\+(\d+)$/.exec(normalizePhone(e164));
  if (!match) return null;
  const digits = match[1] ?? '';
  for (const region of PHONE_REGIONS) {
    const code = PHONE_COUNTRY_CODES[region].slice(1);
    if (!digits.startsWith(code)) continue;
    const national = digits.slice(code.length);
    if (validatePhone(region, national) === null) return { region, national };
  }
  return null;
}

/**
 * `+86 138****8000`, `+852 9***5678`: enough for the holder to recognise their own number in a
 * message, not enough for anyone else to dial it. An unparsable input has every digit hidden.
 */
export function maskPhone(e164: string): string {
  const parsed = parseE164(e164);
  if (!parsed) return e164.replace(/\d/g, '*');
  const { region, national } = parsed;
  const head = MASK_HEAD[region];
  const stars = '*'.repeat(national.length - head - 4);
  return `${PHONE_COUNTRY_CODES[region]} ${national.slice(0, head)}${stars}${national.slice(-4)}`;
}

/**
 * How a message to a user is addressed: the masked phone, else a masked WeChat openid (an account
 * made by WeChat login has no phone yet). Pure, so every feature that writes to the inbox uses the
 * same rule without importing the auth feature.
 */
export function recipientOf(user: { phoneE164: string | null; wechatOpenid: string | null }): string {
  if (user.phoneE164) return maskPhone(user.phoneE164);
  const openid = user.wechatOpenid ?? '';
  return `WeChat ${openid.slice(0, 4)}****${openid.slice(-2)}`;
}
