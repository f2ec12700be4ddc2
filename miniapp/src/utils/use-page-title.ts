import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

/** Keeps the navigation bar title (document.title on h5) in the current language. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);
  useDidShow(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  });
}
