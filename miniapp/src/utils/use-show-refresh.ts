import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Runs `refresh` whenever the page shows again (back from a page that changed data: a card bound,
 * unbound or a message read), but not on the first show, where the page's own fetch is running.
 */
export function useRefreshOnShow(refresh: () => void): void {
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) refresh();
    shownOnce.current = true;
  });
}
