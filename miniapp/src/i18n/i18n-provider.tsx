import { createContext, useCallback, useContext, useEffect, useMemo, useState, type PropsWithChildren } from 'react';
import { translate, type Language, type MessageParams, type UiKey } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { writeStorage } from '../utils/storage';
import { initialLanguage } from './detect';
import { setDocumentLanguage } from './document-lang';

export interface I18n {
  lang: Language;
  t: (key: UiKey, params?: MessageParams) => string;
  setLang: (lang: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: PropsWithChildren) {
  const [lang, setLangState] = useState<Language>(initialLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    writeStorage(STORAGE_KEYS.language, next);
  }, []);

  useEffect(() => {
    setDocumentLanguage(lang);
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
