// Free of zod on purpose: the h5 page's inline boot script (miniapp/src/boot) picks the language
// with these before any bundle has loaded, and must stay a few kilobytes.

export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-Hans';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag to one of our languages. Traditional script is used in Hong Kong,
 * Macau and Taiwan, so those regions map to zh-Hant even without an explicit script subtag.
 */
export function matchLanguageTag(tag: string): Language | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === '') return undefined;
  if (lower.startsWith('en')) return 'en';
  if (!lower.startsWith('zh')) return undefined;
  if (/hant|-hk|-mo|-tw/.test(lower)) return 'zh-Hant';
  return 'zh-Hans';
}
