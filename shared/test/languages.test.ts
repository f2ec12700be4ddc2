import { describe, expect, it } from 'vitest';
import { languageFromAcceptLanguage, languageSchema, matchLanguageTag } from '../src/i18n/languages';

describe('matchLanguageTag', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh_HK', 'zh-Hans'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
  ] as const)('%s → %s', (tag, expected) => {
    expect(matchLanguageTag(tag)).toBe(expected);
  });

  it('ignores languages the product does not speak', () => {
    expect(matchLanguageTag('fr-FR')).toBeUndefined();
    expect(matchLanguageTag('')).toBeUndefined();
  });
});

describe('languageFromAcceptLanguage', () => {
  it('honours q-values over order', () => {
    expect(languageFromAcceptLanguage('en;q=0.5, zh-HK;q=0.9')).toBe('zh-Hant');
  });

  it('skips unsupported languages and q=0', () => {
    expect(languageFromAcceptLanguage('fr-FR, de;q=0.9, en;q=0.8')).toBe('en');
    expect(languageFromAcceptLanguage('en;q=0, zh-CN;q=0.1')).toBe('zh-Hans');
  });

  it('returns undefined when nothing matches', () => {
    expect(languageFromAcceptLanguage(undefined)).toBeUndefined();
    expect(languageFromAcceptLanguage('fr, de')).toBeUndefined();
  });
});

describe('languageSchema', () => {
  it('accepts exactly the three product languages', () => {
    expect(languageSchema.options).toEqual(['zh-Hans', 'zh-Hant', 'en']);
    expect(languageSchema.safeParse('zh-CN').success).toBe(false);
  });
});
