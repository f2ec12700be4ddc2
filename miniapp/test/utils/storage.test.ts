import { cardIdSchema, CARD_IDS } from '@cbc/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../../src/constants/storage-keys';
import { DEFAULT_CARD, parseCardId, readCardChoice, writeCardChoice } from '../../src/utils/card-choice';
import { readStorage, removeStorage, writeStorage } from '../../src/utils/storage';
import { breakStorage, storedEntries } from '../setup/taro-stand-in';

describe('storage that never throws', () => {
  it('reads back what it wrote, and nothing for a missing key (WeChat’s "")', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.jsonValue(), (key, value) => {
        storedEntries().clear();
        expect(readStorage(key)).toBeUndefined();
        writeStorage(key, value);
        expect(readStorage(key)).toEqual(value === '' ? undefined : value);
        removeStorage(key);
        expect(readStorage(key)).toBeUndefined();
      }),
    );
  });

  it('loses the value instead of failing when storage is full or unavailable', () => {
    writeStorage('kept', 1);
    breakStorage();
    expect(() => writeStorage('k', { a: 1 })).not.toThrow();
    expect(() => removeStorage('kept')).not.toThrow();
    expect(readStorage('kept')).toBeUndefined();
    expect(readStorage('k')).toBeUndefined();
  });
});

describe('card choice of the guides tab', () => {
  it('accepts only our card ids', () => {
    for (const card of CARD_IDS) expect(parseCardId(card)).toBe(card);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(parseCardId(value)).toBe(cardIdSchema.safeParse(value).success ? value : undefined);
      }),
    );
  });

  it('remembers the last card chosen, and falls back to the first card otherwise', () => {
    expect(readCardChoice()).toBe(DEFAULT_CARD);
    expect(DEFAULT_CARD).toBe(CARD_IDS[0]);
    const other = CARD_IDS.find((card) => card !== DEFAULT_CARD) ?? DEFAULT_CARD;
    writeCardChoice(other);
    expect(storedEntries().get(STORAGE_KEYS.guidesCard)).toBe(other);
    expect(readCardChoice()).toBe(other);
    // An id left by an older version (or tampered with) is not trusted.
    storedEntries().set(STORAGE_KEYS.guidesCard, 'octopus');
    expect(readCardChoice()).toBe(DEFAULT_CARD);
    breakStorage();
    expect(readCardChoice()).toBe(DEFAULT_CARD);
  });
});
