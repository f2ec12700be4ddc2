import Taro from '@tarojs/taro';
import { translate, type Language, type UiKey } from '@cbc/shared';

/** Tab labels in app.config.ts order. */
const TAB_LABELS: readonly UiKey[] = ['tab.home', 'tab.guides', 'tab.history', 'tab.me'];

/**
 * app.json can only hold one language, so tab pages re-label the tab bar whenever they show or the
 * language changes. WeChat refuses this from a non-tab page, which is harmless: the next tab page fixes it.
 */
export function syncTabBar(lang: Language): void {
  TAB_LABELS.forEach((key, index) => {
    Taro.setTabBarItem({ index, text: translate(lang, key) }).catch(() => undefined);
  });
}
