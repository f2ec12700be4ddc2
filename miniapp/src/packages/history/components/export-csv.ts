import { buildPath, TRANSACTIONS_CSV_PATH, type Language } from '@cbc/shared';
import { parseReply, requestHeaders, transportError } from '../../../api/client';

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

/**
 * Browser build: the CSV needs the bearer token, so a plain link cannot fetch it. Fetch it, then hand
 * the bytes (the server's UTF-8 BOM included) to the browser as a blob: URL on an `<a download>`.
 */
export async function exportCsv(range: ExportRange): Promise<void> {
  const { header, token } = requestHeaders(false);
  let response: Response;
  try {
    response = await fetch(csvUrl(range), { headers: { ...header, Accept: 'text/csv, application/json' } });
  } catch (error) {
    throw transportError(error, range.lang);
  }
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => null);
    // Throws the server's error (or the generic one) in the user's language.
    parseReply('listCardTransactions', response.status, data, range.lang, token);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response.headers.get('content-disposition'), 'transactions.csv');
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL; let it go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
