import { TEXT_LARGE_CLASS } from './text-class';

/**
 * Browser build. Taro's h5 script fixes the root font size from the screen width, which hides the
 * browser's own text-size preference; an element sized `medium` still reports it (16 px by default,
 * 20 px for Chrome's "Large"). The WeChat build has its own file (text-platform.weapp.ts).
 */
export function systemPrefersLargeText(): boolean {
  if (typeof document === 'undefined' || !document.body) return false;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
  document.body.appendChild(probe);
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return px > 17;
}

/**
 * The class also goes on the document: NutUI popups, action sheets and toasts render outside the page
 * and would otherwise stay small.
 */
export function applyTextSize(large: boolean): void {
  if (typeof document === 'undefined') return;
  document.documentElement.classList.toggle(TEXT_LARGE_CLASS, large);
}
