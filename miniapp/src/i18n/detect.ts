import Taro from '@tarojs/taro';
import type { Language } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage } from '../utils/storage';
import { pickLanguage } from './pick-language';

/** WeChat reports `zh_CN` / `zh_HK` / `zh_TW` / `en`; browsers report BCP 47 tags. */
function systemLanguageTags(): string[] {
  const tags: string[] = [];
  try {
    const { language } = Taro.getSystemInfoSync();
    if (typeof language === 'string') tags.push(language);
  } catch {
    // Not available (very old base library): fall through to the default.
  }
  if (process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined') {
    tags.push(...(navigator.languages ?? []), navigator.language);
  }
  return tags;
}

/** The remembered choice, else the system language, else zh-Hans. */
export function initialLanguage(): Language {
  return pickLanguage(readStorage(STORAGE_KEYS.language), systemLanguageTags());
}
