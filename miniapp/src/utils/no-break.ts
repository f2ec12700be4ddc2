/**
 * The text as one unit on a line: its spaces become no-break spaces. For a masked number ("6288 **** ****
 * 0014"), a phone ("+86 138****8000") or a time ("3 Dec, 08:05"), which read as two things once broken.
 */
export function noBreak(text: string): string {
  return text.replace(/ /g, '\u00a0');
}
