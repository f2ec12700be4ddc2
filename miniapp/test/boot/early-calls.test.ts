import { describe, expect, it } from 'vitest';
import { planRequest } from '../../src/api/client';
import { requestKey } from '../../src/api/request-key';
import { earlyCalls, type BootContext } from '../../src/boot/early-calls';
import { chartMonths } from '../../src/components/history/months';
import { ROUTES } from '../../src/constants/routes';
import { pickLanguage } from '../../src/i18n/pick-language';

const CARD_ID = '0fe7f26f-6f51-4265-9cb8-f229c0e6ddda';

function keysFor(context: Partial<BootContext> & { page: string }): string[] {
  const calls = earlyCalls({ pageQuery: {}, storedGuidesCard: undefined, loggedIn: false, ...context });
  return calls.map(({ endpoint, args }) => requestKey(endpoint, args, 'en'));
}

describe('the boot script’s early calls', () => {
  it('guides: the deep link’s card, else the remembered one, else the first card', () => {
    const guides = ROUTES.guides;
    expect(keysFor({ page: guides, pageQuery: { card: 'yuanyou' }, storedGuidesCard: 'zhonggangtong' })).toEqual([
      '/api/v1/guides?card=yuanyou&lang=en',
      '/api/v1/channels?card=yuanyou&lang=en',
    ]);
    expect(keysFor({ page: guides, storedGuidesCard: 'yuanyou' })[0]).toBe('/api/v1/guides?card=yuanyou&lang=en');
    for (const odd of [undefined, 'octopus', 42, { card: 'yuanyou' }]) {
      expect(keysFor({ page: guides, pageQuery: { card: 'octopus' }, storedGuidesCard: odd })[0]).toBe(
        '/api/v1/guides?card=zhonggangtong&lang=en',
      );
    }
  });

  it('pages that show a user’s own data ask only when logged in', () => {
    const months = chartMonths(Date.now()).join('%2C');
    // History: the cards, the list, and the chart's six months of all cards (it starts on all cards).
    expect(keysFor({ page: ROUTES.history, loggedIn: true })).toEqual([
      '/api/v1/cards?lang=en',
      '/api/v1/transactions?lang=en',
      `/api/v1/transactions/months?lang=en&months=${months}`,
    ]);
    expect(keysFor({ page: ROUTES.home, loggedIn: true })).toEqual(['/api/v1/cards?lang=en']);
    for (const page of [ROUTES.history, ROUTES.home, ROUTES.topupAmount]) {
      expect(keysFor({ page, pageQuery: { cardId: CARD_ID }, loggedIn: false }), page).toEqual([]);
    }
    // The client names the chart's call the same way.
    expect(planRequest('getAllMonthTotals', { query: { months: chartMonths(Date.now()).join(',') } }, 'en').key).toBe(
      `/api/v1/transactions/months?lang=en&months=${months}`,
    );
  });

  it('the amount page: its card’s options, only for a card id the page would ask with', () => {
    expect(keysFor({ page: ROUTES.topupAmount, pageQuery: { cardId: CARD_ID }, loggedIn: true })).toEqual([
      `/api/v1/cards/${CARD_ID}/topup-options?lang=en`,
    ]);
    for (const cardId of ['', 'not-a-card', `${CARD_ID}x`]) {
      expect(keysFor({ page: ROUTES.topupAmount, pageQuery: { cardId }, loggedIn: true })).toEqual([]);
    }
  });

  it('nothing for a page without a listed first call', () => {
    expect(keysFor({ page: ROUTES.me, loggedIn: true })).toEqual([]);
    expect(keysFor({ page: 'pages/nowhere/index', loggedIn: true })).toEqual([]);
  });

  it('names a call exactly as the client does, query sorted and language included', () => {
    const args = { params: { id: CARD_ID }, query: { kind: 'topup', cursor: 'c/1 2', from: undefined } };
    expect(requestKey('listCardTransactions', args, 'zh-Hant')).toBe(
      planRequest('listCardTransactions', args as never, 'zh-Hant').key,
    );
    expect(requestKey('listCardTransactions', args, 'zh-Hant')).toBe(
      `/api/v1/cards/${CARD_ID}/transactions?cursor=c%2F1%202&kind=topup&lang=zh-Hant`,
    );
  });
});

describe('pickLanguage', () => {
  it('the remembered choice, else the first system tag we speak, else 简体中文', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('fr', ['zh_HK'])).toBe('zh-Hant');
    expect(pickLanguage(undefined, ['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(pickLanguage(undefined, ['zh-TW'])).toBe('zh-Hant');
    expect(pickLanguage(null, ['de', 'ja'])).toBe('zh-Hans');
    expect(pickLanguage(undefined, [])).toBe('zh-Hans');
  });
});

describe('chartMonths', () => {
  it('the last six months in UTC+8, oldest first, across a new year', () => {
    // 00:30 on 1 January 2027 in Hong Kong is still 31 December in UTC.
    expect(chartMonths(Date.parse('2026-12-31T16:30:00Z'))).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(chartMonths(Date.parse('2026-12-31T15:59:00Z')).at(-1)).toBe('2026-12');
  });
});
