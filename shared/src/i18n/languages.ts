import { z } from 'zod';

export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;
export const DEFAULT_LANGUAGE: Language = 'zh-Hans';

/** A string in every language the product speaks. */
export const localizedTextSchema = z.object({
  'zh-Hans': z.string().min(1),
  'zh-Hant': z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};

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

/** Picks the best language from an Accept-Language header, honouring q-values. */
export function languageFromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const qParam = params.find((p) => p.trim().startsWith('q='));
      const q = qParam ? Number(qParam.trim().slice(2)) : 1;
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const match = matchLanguageTag(entry.tag);
    if (match) return match;
  }
  return undefined;
}

export function localize(text: LocalizedText, lang: Language): string {
  return text[lang];
}
