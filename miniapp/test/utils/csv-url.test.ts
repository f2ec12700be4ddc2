import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvUrl, fileNameOf } from '../../src/packages/history/components/csv-url';
import { CARD_ID } from '../support/fixtures';

describe('CSV export', () => {
  it('asks for the card’s CSV in the reader’s language, with the range when there is one', () => {
    expect(csvUrl({ cardId: CARD_ID, from: null, to: null, lang: 'zh-Hant' })).toBe(
      `https://api.example.test/api/v1/cards/${CARD_ID}/transactions.csv?lang=zh-Hant`,
    );
    expect(csvUrl({ cardId: CARD_ID, from: '2026-11-01', to: '2026-11-30', lang: 'en' })).toBe(
      `https://api.example.test/api/v1/cards/${CARD_ID}/transactions.csv?lang=en&from=2026-11-01&to=2026-11-30`,
    );
  });

  it('names the file from Content-Disposition, the UTF-8 name first', () => {
    expect(fileNameOf(null, 'history.csv')).toBe('history.csv');
    expect(fileNameOf('attachment', 'history.csv')).toBe('history.csv');
    expect(fileNameOf('attachment; filename="card.csv"', 'x.csv')).toBe('card.csv');
    expect(fileNameOf('attachment; filename=card.csv', 'x.csv')).toBe('card.csv');
    expect(
      fileNameOf(
        `attachment; filename="card.csv"; filename*=UTF-8''${encodeURIComponent('交易记录 2026-11.csv')}`,
        'x.csv',
      ),
    ).toBe('交易记录 2026-11.csv');
    // A broken encoding falls back to the plain name.
    expect(fileNameOf(`attachment; filename="card.csv"; filename*=UTF-8''%E4%BA`, 'x.csv')).toBe('card.csv');
  });

  it('reads back any file name the server encodes', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((name) => name.trim() === name),
        (name) => {
          const header = `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(name)}`;
          expect(fileNameOf(header, 'fallback.csv')).toBe(name);
        },
      ),
    );
  });
});
