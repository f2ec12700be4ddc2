import type { Language } from '@cbc/shared';

/** `lang` attribute of the h5 document, so the browser picks the right CJK glyphs (HK vs mainland). */
const HTML_LANG: Record<Language, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-HK', en: 'en' };

/** The browser build marks the document with the language shown. WeChat has no document (document-lang.weapp.ts). */
export function setDocumentLanguage(lang: Language): void {
  document.documentElement.lang = HTML_LANG[lang];
}
