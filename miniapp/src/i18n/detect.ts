import type { Language } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage } from '../utils/storage';
import { pickLanguage } from './pick-language';
import { systemLanguageTags } from './system-language';

/** The remembered choice, else the system language, else zh-Hans. */
export function initialLanguage(): Language {
  return pickLanguage(readStorage(STORAGE_KEYS.language), systemLanguageTags());
}
