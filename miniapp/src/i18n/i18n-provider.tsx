import { createContext, useCallback, useContext, useEffect, useMemo, useState, type PropsWithChildren } from 'react';
import { translate, type Language, type MessageParams, type UiKey } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { writeStorage } from '../utils/storage';
import { initialLanguage } from './detect';

export interface I18n {
  lang: Language;
  t: (key: UiKey, params?: MessageParams) => string;
  setLang: (lang: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

/** `lang` attribute of the h5 document, so the browser picks the right CJK glyphs (HK vs mainland). */
const HTML_LANG: Record<Language, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-HK', en: 'en' };

export function I18nProvider({ children }: PropsWithChildren) {
  const [lang, setLangState] = useState<Language>(initialLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    writeStorage(STORAGE_KEYS.language, next);
  }, []);

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() must be used inside <I18nProvider>');
  return value;
}
