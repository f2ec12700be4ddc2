import { buildPath, TRANSACTIONS_CSV_PATH, type Language } from '@cbc/shared';

/** Shared by export-csv.ts (browser) and export-csv.weapp.ts: a platform file importing `./export-csv` would get itself. */
export interface ExportRange {
  cardId: string;
  from: string | null;
  to: string | null;
  lang: Language;
}

export function csvUrl({ cardId, from, to, lang }: ExportRange): string {
  const query = [`lang=${encodeURIComponent(lang)}`];
  if (from) query.push(`from=${from}`);
  if (to) query.push(`to=${to}`);
  return `${API_BASE_URL}${buildPath(TRANSACTIONS_CSV_PATH, { id: cardId })}?${query.join('&')}`;
}

/** `attachment; filename="x.csv"; filename*=UTF-8''%E4%BA%A4…` → the UTF-8 name when there is one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}
