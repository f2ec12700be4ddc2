import type { Language } from '@cbc/shared';

/** WeChat renders with the system's fonts and has no document to mark: nothing to do. */
export function setDocumentLanguage(_lang: Language): void {}
