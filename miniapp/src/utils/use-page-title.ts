import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { useI18n } from '../i18n';
import { describePage } from './page-semantics';

/**
 * Keeps the navigation bar title (document.title on h5) in the current language, and on h5 the
 * semantics Taro's stand-ins lack (named back and home buttons, the heading, the main landmark).
 */
export function usePageTitle(title: string | undefined): void {
  const { lang } = useI18n();
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
    describePage(lang, title);
  }, [title, lang]);
  useDidShow(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
    describePage(lang, title);
  });
}
