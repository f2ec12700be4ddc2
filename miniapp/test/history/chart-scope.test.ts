import { describe, expect, it } from 'vitest';
import { chartScopeOf } from '../../src/components/history/months';

const card = (id: string, type: 'zhonggangtong' | 'yuanyou', isDefault = false) => ({ id, type, isDefault });

describe("History's chart: whose six months it adds up", () => {
  const zgt = card('zgt', 'zhonggangtong', true);
  const zgt2 = card('zgt-2', 'zhonggangtong');
  const yy = card('yy', 'yuanyou');

  it('no card, no chart', () => {
    expect(chartScopeOf([], null)).toBeUndefined();
    expect(chartScopeOf([], 'zgt')).toBeUndefined();
  });

  it('a card the list is filtered on: that card alone, its own figures', () => {
    expect(chartScopeOf([zgt, zgt2, yy], 'yy')).toEqual({ card: yy, allCards: false, covers: 'card' });
    expect(chartScopeOf([zgt, zgt2, yy], 'zgt')).toEqual({ card: zgt, allCards: false, covers: 'card' });
  });

  it('all cards: every card when all are of one type, named as the card when there is only one', () => {
    expect(chartScopeOf([zgt], null)).toEqual({ card: zgt, allCards: true, covers: 'card' });
    expect(chartScopeOf([zgt2, zgt], null)).toEqual({ card: zgt, allCards: true, covers: 'all' });
  });

  it('all cards of two types (two currencies): those of the default card’s type, else the first’s', () => {
    expect(chartScopeOf([yy, zgt, zgt2], null)).toEqual({ card: zgt, allCards: true, covers: 'type' });
    const noDefault = [card('yy', 'yuanyou'), card('yy-2', 'yuanyou'), zgt2];
    expect(chartScopeOf(noDefault, null)).toEqual({ card: noDefault[0], allCards: true, covers: 'type' });
    // The only card of its type: all cards' figures in its currency are its own, so it is named.
    expect(chartScopeOf([yy, zgt], null)).toEqual({ card: zgt, allCards: true, covers: 'card' });
  });

  it('a filter on a card that is gone (unbound elsewhere) is all cards', () => {
    expect(chartScopeOf([zgt, zgt2], 'gone')).toEqual({ card: zgt, allCards: true, covers: 'all' });
  });
});
