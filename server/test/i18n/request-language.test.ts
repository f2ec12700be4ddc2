import { describe, expect, it } from 'vitest';
import { requestLanguage } from '../../src/i18n/request-language';

const request = (url: string, acceptLanguage?: string, query?: Record<string, unknown>) => ({
  url,
  query,
  headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
});

describe('requestLanguage', () => {
  it.each([
    [request('/x', undefined, { lang: 'en' }), 'en'],
    [request('/x', 'en', { lang: 'zh-Hant' }), 'zh-Hant'],
    [request('/x', 'zh-MO', { lang: 'fr' }), 'zh-Hant'],
    [request('/x', 'en-US', {}), 'en'],
    [request('/x', 'ja'), 'zh-Hans'],
    [request('/x'), 'zh-Hans'],
    // No parsed query (rejected before routing): the URL is read instead.
    [request('/bad%zz?lang=en'), 'en'],
    [request('/bad%zz?lang=xx', 'zh-HK'), 'zh-Hant'],
  ])('%j → %s', (req, lang) => {
    expect(requestLanguage(req as never)).toBe(lang);
  });
});
