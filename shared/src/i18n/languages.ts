import { z } from 'zod';
import { LANGUAGES, matchLanguageTag, type Language } from './language-tags';

export * from './language-tags';
export const languageSchema = z.enum(LANGUAGES);

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
