/**
 * The text as one unit on a line: its spaces become no-break spaces. For a masked number ("6288 **** ****
 * 0014"), a phone ("+86 138****8000") or a time ("3 Dec, 08:05"), which read as two things once broken.
 */
export function noBreak(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/**
 * Only the spaces inside a masked number, in a line that has other words ("Zhonggangtong Card 6288 ****
 * **** 0014"): the line may break before the number, never between its groups.
 */
export function noBreakInNumbers(text: string): string {
  // No lookbehind: older iOS engines that WeChat runs on reject it when parsing.
  return text.replace(/([\d*]{4}) (?=[\d*]{4})/g, '$1\u00a0');
}
