import { CARD_NUMBER_RULES, formatCardNumber } from '@cbc/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Each platform's build resolves its own file (input-types.h5.ts in the browser, input-types.ts in WeChat).
async function load(platform: 'h5' | 'weapp') {
  return platform === 'h5' ? import('../../src/utils/input-types.h5') : import('../../src/utils/input-types');
}

const DIGITS = CARD_NUMBER_RULES.zhonggangtong.length;
const typed = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ' ', '-', 'a', 'X', '.', '８') });
const digitsOf = (text: string) => text.replace(/[\s-]/g, '').replace(/\D/g, '');

describe('input types', () => {
  it('browser: a tel keypad, a text field for every ID, a grouped card number', async () => {
    const h5 = await load('h5');
    expect(h5.DIGITS_INPUT).toBe('tel');
    expect(h5.idNumberInputType(true)).toBe('text');
    expect(h5.idNumberInputType(false)).toBe('text');
    expect(h5.cardNumberFieldValue('6288123412341234')).toBe('6288 1234 1234 1234');
    expect(h5.cardNumberFieldValue('6288-12')).toBe('6288 12');
    expect(h5.CARD_NUMBER_FIELD_MAX).toBe('6288 1234 1234 1234'.length);
  });

  it('WeChat: its number and ID keyboards, bare digits', async () => {
    const weapp = await load('weapp');
    expect(weapp.DIGITS_INPUT).toBe('number');
    expect(weapp.idNumberInputType(true)).toBe('idcard');
    expect(weapp.idNumberInputType(false)).toBe('text');
    expect(weapp.cardNumberFieldValue('6288 1234 1234 1234 99')).toBe('6288123412341234');
    expect(weapp.CARD_NUMBER_FIELD_MAX).toBe(DIGITS);
  });

  it('keeps the first digits typed, fits the field, and is stable when typed again', async () => {
    for (const platform of ['h5', 'weapp'] as const) {
      const { cardNumberFieldValue, CARD_NUMBER_FIELD_MAX } = await load(platform);
      fc.assert(
        fc.property(typed, (text) => {
          const value = cardNumberFieldValue(text);
          expect(digitsOf(value)).toBe(digitsOf(text).slice(0, DIGITS));
          expect(value.length).toBeLessThanOrEqual(CARD_NUMBER_FIELD_MAX);
          expect(cardNumberFieldValue(value)).toBe(value);
          if (platform === 'h5') expect(value).toBe(formatCardNumber(value));
          else expect(value).toMatch(/^\d*$/);
        }),
      );
    }
  });
});
