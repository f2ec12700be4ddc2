import { useEffect } from 'react';
import { useDidShow } from '@tarojs/taro';
import { syncTabBar, useI18n } from '../i18n';

/** Tab pages call this so the tab bar speaks the chosen language (see src/i18n/tab-bar.ts). */
export function useTabBarLabels(): void {
  const { lang } = useI18n();
  useEffect(() => syncTabBar(lang), [lang]);
  useDidShow(() => syncTabBar(lang));
}
