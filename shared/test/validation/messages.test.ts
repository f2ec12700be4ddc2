import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages';
import { validationMessage, validationMessages } from '../../src/i18n/validation-messages';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../src/validation/password';
import { PLATE_REGIONS, validatePlate } from '../../src/validation/plates';
import { SMS_CODE_LENGTH } from '../../src/validation/sms-code';
import { VALIDATION_MESSAGE_KEYS } from '../../src/validation/zod';

// Same guard as test/catalogs.test.ts: characters that exist only in Simplified script.
const SIMPLIFIED_ONLY = /[费续额账户录线载页网择这为务请们认证码时间击关发现进过还应该让设说话银简]/u;
const PLATE_EXAMPLES = [
  ['mainland', '粤B·12345'],
  ['mainland', '粤Z·1234港'],
  ['hk', 'AB 1234'],
  ['macau', 'MX-12-34'],
] as const;

describe('validation messages', () => {
  it.each(LANGUAGES)('%s has a non-empty text for every key and nothing else', (lang) => {
    expect(Object.keys(validationMessages[lang]).sort()).toEqual([...VALIDATION_MESSAGE_KEYS].sort());
    for (const key of VALIDATION_MESSAGE_KEYS) {
      expect(validationMessage(lang, key).trim(), `${lang} ${key}`).not.toBe('');
      expect(validationMessage(lang, key), `${lang} ${key}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('zh-Hant uses Traditional characters', () => {
    for (const [key, text] of Object.entries(validationMessages['zh-Hant']))
      expect(text, key).not.toMatch(SIMPLIFIED_ONLY);
  });

  it('English has no Chinese characters outside the plate examples', () => {
    for (const [key, text] of Object.entries(validationMessages.en)) {
      const withoutExamples = PLATE_EXAMPLES.reduce((rest, [, example]) => rest.replace(example, ''), text);
      expect(withoutExamples, key).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('numbers in the texts match the rules', () => {
    for (const lang of LANGUAGES) {
      expect(validationMessage(lang, 'validation.password.too_short')).toContain(String(PASSWORD_MIN));
      expect(validationMessage(lang, 'validation.password.too_long')).toContain(String(PASSWORD_MAX));
      expect(validationMessage(lang, 'validation.smsCode.format')).toContain(String(SMS_CODE_LENGTH));
      expect(validationMessage(lang, 'validation.cardNumber.wrong_length')).toContain('16');
    }
  });

  it("each region's plate message shows that region's plates only, and they are valid plates", () => {
    for (const [region, example] of PLATE_EXAMPLES) {
      expect(validatePlate(region, example)).toBeNull();
      for (const lang of LANGUAGES) {
        expect(validationMessage(lang, `validation.plate.format.${region}`)).toContain(example);
        for (const other of PLATE_REGIONS.filter((r) => r !== region)) {
          expect(validationMessage(lang, `validation.plate.format.${other}`)).not.toContain(example);
        }
      }
    }
  });
});
