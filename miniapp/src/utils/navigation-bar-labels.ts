import type { Language } from '@cbc/shared';

/** WeChat draws its own navigation bar, with its own accessible back button: nothing to label. */
export function labelNavigationBar(_lang: Language): void {}
