import { DEFAULT_LANGUAGE, isLanguage, matchLanguageTag, type Language } from '@cbc/shared/i18n/language-tags';

// Free of Taro and zod: the h5 boot script (src/boot) picks the language of its early calls with it.

/** The remembered choice, else the first system language tag we speak, else zh-Hans. */
export function pickLanguage(stored: unknown, systemTags: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of systemTags) {
    // WeChat reports `zh_CN`; browsers report BCP 47 tags.
    const match = matchLanguageTag(tag.replace(/_/g, '-'));
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}
