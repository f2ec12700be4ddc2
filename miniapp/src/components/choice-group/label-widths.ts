// Han, kana, hangul and full-width forms: a glyph a whole em wide, and a line may break between any two.
const WIDE = '\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef';
// Spaces and wide characters: a line may break between any two of these.
const BREAKS_ANYWHERE = new RegExp(`[\\s${WIDE}]+`, 'u');
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'gu');

/** The most characters of any label that a line cannot break between ("Zhonggangtong Card": 13). */
export function longestWord(labels: readonly string[]): number {
  return Math.max(0, ...labels.flatMap((label) => label.split(BREAKS_ANYWHERE).map((word) => word.length)));
}

/**
 * About how wide the labels are side by side, in `ch` (the width of "0"): a wide character counts two
 * (an em is about 1.8 ch), any other one. Most letters are narrower than "0", so a row is judged full a
 * little early, never late.
 */
export function rowWidthInCh(labels: readonly string[]): number {
  return labels.reduce((sum, label) => sum + label.length + (label.match(WIDE_CHAR)?.length ?? 0), 0);
}
