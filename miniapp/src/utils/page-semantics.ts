import type { Language } from '@cbc/shared';

/**
 * WeChat draws the navigation bar (title, back) itself and exposes each page to its screen reader:
 * nothing to add there. The browser build does it in page-semantics.h5.ts.
 */
export function describePage(_lang: Language, _title: string | undefined): void {}
