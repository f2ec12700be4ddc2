import Taro from '@tarojs/taro';
import { translate, type Language, type UiKey } from '@cbc/shared';

// Taro's h5 runtime draws the stand-ins for what WeChat provides natively — the navigation bar, each
// page's scrolling container, the input element — without the semantics a browser's assistive tech
// needs. This module adds them; WeChat's build uses the no-op page-semantics.ts.

const BUTTONS: readonly { selector: string; label: UiKey }[] = [
  { selector: '.taro-navigation-bar-back', label: 'nav.back' },
  { selector: '.taro-navigation-bar-home', label: 'nav.home' },
];

const activateOnKey = (event: KeyboardEvent) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).click();
};

/** Back and home are bare divs with an icon: give each a role, a name and a place in the tab order. */
function labelNavigationBar(bar: HTMLElement, lang: Language): void {
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
  // The page's title is its one top-level heading.
  const title = bar.querySelector<HTMLElement>('.taro-navigation-bar-title');
  title?.setAttribute('role', 'heading');
  title?.setAttribute('aria-level', '1');
}

/**
 * Each page lives in its own scrolling container: make the shown one the `main` landmark, named by
 * the page title, and focusable, so a keyboard can scroll it.
 */
function markMain(title: string | undefined): void {
  const path = Taro.getCurrentInstance().router?.$taroPath;
  const container = path ? document.getElementById(path) : null;
  if (!container) return;
  container.setAttribute('role', 'main');
  container.setAttribute('tabindex', '0');
  if (title) container.setAttribute('aria-label', title);
}

/** What a tap can activate: Taro's buttons (custom elements) and views given a control's role. */
const CONTROLS = [
  'taro-button-core',
  '.nut-actionsheet-cancel',
  ...['button', 'radio', 'checkbox', 'switch', 'tab', 'link'].map((role) => `[role="${role}"]`),
].join(', ');

/**
 * Taro renders buttons and tappable views as elements a keyboard never reaches. Put each control
 * in the tab order (unless disabled); Enter and Space activate it (one listener, below). A tabindex set
 * here follows the control as it is disabled and enabled again ("下一步" once an amount is chosen); one
 * the app set itself stays.
 */
function makeControlsFocusable(): void {
  for (const control of document.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (control.hasAttribute('tabindex') && control.dataset.tabindex !== 'auto') continue;
    const disabled = control.hasAttribute('disabled') || control.getAttribute('aria-disabled') === 'true';
    const tabindex = disabled ? '-1' : '0';
    if (control.getAttribute('tabindex') !== tabindex) control.setAttribute('tabindex', tabindex);
    if (control.dataset.tabindex !== 'auto') control.dataset.tabindex = 'auto';
  }
}

function activateFocusedControl(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target as HTMLElement | null;
  if (!target?.matches?.(CONTROLS) || target.dataset.keyboard) return;
  event.preventDefault();
  target.click();
}

/** Taro's Input keeps `aria-label` on its wrapper element: copy it to the input the browser focuses. */
function forwardInputLabels(): void {
  for (const wrapper of document.querySelectorAll<HTMLElement>('taro-input-core[aria-label]')) {
    const input = wrapper.querySelector('input, textarea');
    const label = wrapper.getAttribute('aria-label');
    if (input && label && input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
  }
}

const patchDocument = () => {
  forwardInputLabels();
  makeControlsFocusable();
};

let watching = false;
/** Pages render and re-render after this runs: patch what is there, then whatever appears later. */
function watchDocument(): void {
  if (watching || typeof MutationObserver === 'undefined') return;
  watching = true;
  patchDocument();
  document.addEventListener('keydown', activateFocusedControl);
  new MutationObserver(patchDocument).observe(document.body, {
    subtree: true,
    childList: true,
    attributeFilter: ['aria-label', 'role', 'aria-disabled', 'disabled'],
  });
}

export function describePage(lang: Language, title: string | undefined): void {
  const bar = document.getElementById('taro-navigation-bar');
  if (bar) labelNavigationBar(bar, lang);
  markMain(title);
  watchDocument();
}
