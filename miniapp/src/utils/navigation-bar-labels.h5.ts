import { translate, type Language, type UiKey } from '@cbc/shared';

const BUTTONS: readonly { selector: string; label: UiKey }[] = [
  { selector: '.taro-navigation-bar-back', label: 'nav.back' },
  { selector: '.taro-navigation-bar-home', label: 'nav.home' },
];

const activateOnKey = (event: KeyboardEvent) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).click();
};

/**
 * Taro's h5 navigation bar (the browser's stand-in for WeChat's) draws back and home as bare divs
 * with an icon: no name, no focus, no keyboard. Give each a role, a name in the reader's language and
 * a place in the tab order, so the way back works with a keyboard and a screen reader too.
 */
export function labelNavigationBar(lang: Language): void {
  const bar = document.getElementById('taro-navigation-bar');
  if (!bar) return;
  bar.setAttribute('role', 'navigation');
  for (const { selector, label } of BUTTONS) {
    const button = bar.querySelector<HTMLElement>(selector);
    if (!button) continue;
    button.setAttribute('role', 'button');
    button.setAttribute('tabindex', '0');
    button.setAttribute('aria-label', translate(lang, label));
    button.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    if (!button.dataset.keyboard) {
      button.dataset.keyboard = 'on';
      button.addEventListener('keydown', activateOnKey);
    }
  }
}
