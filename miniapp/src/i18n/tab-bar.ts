import Taro from '@tarojs/taro';
import { translate, type Language, type UiKey } from '@cbc/shared';

/** Tab labels in app.config.ts order. */
const TAB_LABELS: readonly UiKey[] = ['tab.home', 'tab.guides', 'tab.history', 'tab.me'];

/** How long to wait for the tab bar to answer before asking again, and how many times at most. */
const UNANSWERED_RETRY_MS = 200;
const UNANSWERED_RETRIES = 25;

/** The language of the latest call: a retry for a language since replaced gives up. */
let wanted: Language | undefined;

/**
 * app.json can only hold one language, so tab pages re-label the tab bar whenever they show or the
 * language changes. WeChat refuses this from a non-tab page, which is harmless: the next tab page fixes it.
 * In the browser build the tab bar hears the call through an event it subscribes to once it has loaded,
 * which on a cold start is after the first page's effects: a call before then is never answered, neither
 * done nor refused, and the labels stayed in the build's language. An unanswered call is asked again.
 */
export function syncTabBar(lang: Language, retriesLeft = UNANSWERED_RETRIES): void {
  wanted = lang;
  let answered = false;
  const settle = () => {
    answered = true;
  };
  TAB_LABELS.forEach((key, index) => {
    Taro.setTabBarItem({ index, text: translate(lang, key) }).then(settle, settle);
  });
  if (retriesLeft > 0) {
    setTimeout(() => {
      if (!answered && wanted === lang) syncTabBar(lang, retriesLeft - 1);
    }, UNANSWERED_RETRY_MS);
  }
}
