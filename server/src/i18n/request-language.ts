import { DEFAULT_LANGUAGE, isLanguage, languageFromAcceptLanguage, type Language } from '@cbc/shared';
import type { FastifyRequest } from 'fastify';

/**
 * The reply language: a supported `?lang=`, else the best Accept-Language match, else zh-Hans.
 * It reads the raw query string value, so a request whose `lang` failed validation still gets its
 * error message in the header's language instead of failing a second time.
 */
export function requestLanguage(request: Pick<FastifyRequest, 'query' | 'headers'>): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.['lang'];
  if (isLanguage(fromQuery)) return fromQuery;
  return languageFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LANGUAGE;
}
