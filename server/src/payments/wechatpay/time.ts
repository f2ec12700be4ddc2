/**
 * WeChat Pay v3 writes times as RFC 3339 in Beijing time (`2026-12-02T13:29:35+08:00`, whole seconds):
 * `time_expire`, `success_time`, `create_time`. The server keeps UTC ISO instants and converts at the edge.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function toBeijingRfc3339(date: Date): string {
  return `${new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Null unless `text` is an RFC 3339 date-time with an explicit offset. */
export function parseRfc3339(text: string): Date | null {
  if (!RFC3339.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
