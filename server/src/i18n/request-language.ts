import { DEFAULT_LANGUAGE, isLanguage, languageFromAcceptLanguage, type Language } from '@cbc/shared';
import type { FastifyRequest } from 'fastify';

function rawLangParameter(request: Pick<FastifyRequest, 'query' | 'url'>): unknown {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && typeof query === 'object' && 'lang' in query) return query['lang'];
  // Requests rejected before routing (a malformed URL) have no parsed query: read the URL itself.
  const start = request.url.indexOf('?');
  return start === -1 ? undefined : (new URLSearchParams(request.url.slice(start + 1)).get('lang') ?? undefined);
}

/**
 * The reply language: a supported `?lang=`, else the best Accept-Language match, else zh-Hans.
 * It reads the raw parameter, so a request whose `lang` failed validation still gets its error
 * message in the header's language instead of failing a second time.
 */
export function requestLanguage(request: Pick<FastifyRequest, 'query' | 'headers' | 'url'>): Language {
  const fromQuery = rawLangParameter(request);
  if (isLanguage(fromQuery)) return fromQuery;
  return languageFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LANGUAGE;
}
