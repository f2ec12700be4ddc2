import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { useI18n } from '../i18n';
import { labelNavigationBar } from './navigation-bar-labels';

/**
 * Keeps the navigation bar title (document.title on h5) in the current language, and on h5 the
 * names of the bar's back and home buttons.
 */
export function usePageTitle(title: string | undefined): void {
  const { lang } = useI18n();
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
    labelNavigationBar(lang);
  }, [title, lang]);
  useDidShow(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
    labelNavigationBar(lang);
  });
}
