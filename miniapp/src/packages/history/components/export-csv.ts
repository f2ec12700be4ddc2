import { parseReply, requestHeaders, transportError } from '../../../api/client';
import { csvUrl, fileNameOf, type ExportRange } from './csv-url';

export type { ExportRange } from './csv-url';

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
