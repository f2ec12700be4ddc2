// Spaces, and Han, kana, hangul and full-width forms: a line may break between any two of these.
const BREAKS_ANYWHERE = /[\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/u;

/** The most characters of any label that a line cannot break between ("Zhonggangtong Card": 13). */
export function longestWord(labels: readonly string[]): number {
  return Math.max(0, ...labels.flatMap((label) => label.split(BREAKS_ANYWHERE).map((word) => word.length)));
}
