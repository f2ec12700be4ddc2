// Free of Taro: the h5 boot script (src/boot) picks the language of its early calls with it.

/**
 * The browser's language tags (BCP 47): its UI language, then the user's list. Read from `navigator`
 * directly: Taro's `getSystemInfoSync` on h5 reports only `navigator.language`, and it brings in the
 * `platform` package, which parses the user agent as it loads (about 80 ms of a cold start at 4× CPU).
 */
export function systemLanguageTags(): string[] {
  if (typeof navigator === 'undefined') return [];
  return [navigator.language, ...(navigator.languages ?? [])].filter((tag) => typeof tag === 'string');
}
