// Free of Taro and zod: the h5 boot script (src/boot) asks for the History chart's months with these.

/** The cards keep their books in UTC+8 (no daylight saving): months and days are taken there. */
const HOME_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM` of the UTC+8 month an ISO time falls in. */
export function monthOf(iso: string): string {
  return new Date(Date.parse(iso) + HOME_OFFSET_MS).toISOString().slice(0, 7);
}

/** Today in UTC+8, `YYYY-MM-DD`. */
export function todayInHomeZone(now = Date.now()): string {
  return new Date(now + HOME_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-12` moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [year = 1970, index = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

/** The months History's chart shows: the last six in UTC+8, oldest first, this one last. */
export function chartMonths(now = Date.now()): string[] {
  const thisMonth = todayInHomeZone(now).slice(0, 7);
  return [5, 4, 3, 2, 1, 0].map((back) => shiftMonth(thisMonth, -back));
}

/** The card the list is filtered on, else the default card, else the first. */
function chartCardOf<C extends { id: string; isDefault: boolean }>(
  cards: readonly C[],
  filteredCardId: string | null,
): C | undefined {
  return cards.find((card) => card.id === filteredCardId) ?? cards.find((card) => card.isDefault) ?? cards[0];
}

/** What History's chart adds up: one card, every card, or the cards of one type (one currency). */
export type ChartCovers = 'card' | 'all' | 'type';

export interface ChartScope<C> {
  /** The card the list is filtered on, else the default card, whose currency the chart is in. */
  card: C;
  /** Whether the figures are all cards' totals (no card filter), not `card`'s own. */
  allCards: boolean;
  /** What the chart's figures cover, for its label. */
  covers: ChartCovers;
}

/**
 * History's chart: the card the list is filtered on; with no card filter, all of the user's cards in the
 * default card's currency, as bars add up one currency only. Each type of card has its own currency, so
 * that is every card when all are of one type, else the cards of the default card's type (named as that
 * card when it is the only one). Undefined without a card.
 */
export function chartScopeOf<C extends { id: string; isDefault: boolean; type: string }>(
  cards: readonly C[],
  filteredCardId: string | null,
): ChartScope<C> | undefined {
  const card = chartCardOf(cards, filteredCardId);
  if (!card) return undefined;
  if (filteredCardId !== null && card.id === filteredCardId) return { card, allCards: false, covers: 'card' };
  const ofItsType = cards.filter((other) => other.type === card.type).length;
  // The only card of its currency: the figures are that card's own, and named so.
  const covers = ofItsType === 1 ? 'card' : ofItsType === cards.length ? 'all' : 'type';
  return { card, allCards: true, covers };
}
