import { CARD_IDS, isCardId } from '@cbc/shared/cards/card-ids';
import type { CallArgs, RouteName } from '../api/request-key';
import { chartCardOf, chartMonths } from '../components/history/months';
import { ROUTES } from '../constants/routes';

/** What the boot script knows before the app has loaded. */
export interface BootContext {
  /** The opened page, e.g. `pages/guides/index` (the hash route without its query). */
  page: string;
  /** The page's query, e.g. `{ card: 'yuanyou' }`. */
  pageQuery: Readonly<Record<string, string>>;
  /** The card last chosen on the guides tab, as stored (anything). */
  storedGuidesCard: unknown;
  loggedIn: boolean;
}

export interface EarlyCall {
  endpoint: RouteName;
  args: CallArgs;
  /** Calls that need this one's reply (a 200's body), sent the moment it is in. */
  then?: (data: unknown) => EarlyCall[];
}

/** The cards of a `listCards` reply, or none if it is not one: the boot script trusts nothing it reads. */
function cardsOf(data: unknown): { id: string; isDefault: boolean }[] {
  const cards: unknown = (data as { cards?: unknown } | null)?.cards;
  if (!Array.isArray(cards)) return [];
  return cards.filter(
    (card: unknown): card is { id: string; isDefault: boolean } =>
      typeof (card as { id?: unknown } | null)?.id === 'string' &&
      typeof (card as { isDefault?: unknown }).isDefault === 'boolean',
  );
}

/** History's chart: the six months of the card it shows, which only the cards' reply tells. */
function chartCall(cardsReply: unknown): EarlyCall[] {
  const card = chartCardOf(cardsOf(cardsReply), null);
  return card
    ? [{ endpoint: 'getMonthTotals', args: { params: { id: card.id }, query: { months: chartMonths().join(',') } } }]
    : [];
}

/** The amount page asks for its options only with a card id of this shape (a UUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The GETs a page sends first when it is opened, with the arguments it will send them with. The boot
 * script sends them while the app's files are still downloading; the client then takes those replies
 * instead of asking again (src/api/early-replies.h5.ts). A call listed here that the page no longer
 * makes only costs one request; tests/e2e/first-load checks guides and History ask for each URL once.
 */
const FIRST_CALLS: Readonly<Record<string, (context: BootContext) => EarlyCall[]>> = {
  [ROUTES.home]: ({ loggedIn }) => (loggedIn ? [{ endpoint: 'listCards', args: {} }] : []),
  [ROUTES.guides]: ({ pageQuery, storedGuidesCard }) => {
    // As the page picks it: `?card=` (a deep link), then the remembered choice, then the first card.
    const card = isCardId(pageQuery.card)
      ? pageQuery.card
      : isCardId(storedGuidesCard)
        ? storedGuidesCard
        : CARD_IDS[0];
    return [
      { endpoint: 'listGuides', args: { query: { card } } },
      { endpoint: 'listChannels', args: { query: { card } } },
    ];
  },
  [ROUTES.history]: ({ loggedIn }) =>
    loggedIn
      ? [
          { endpoint: 'listCards', args: {}, then: chartCall },
          { endpoint: 'listTransactions', args: {} },
        ]
      : [],
  [ROUTES.topupAmount]: ({ loggedIn, pageQuery }) => {
    const cardId = pageQuery.cardId ?? '';
    return loggedIn && UUID.test(cardId) ? [{ endpoint: 'getTopupOptions', args: { params: { id: cardId } } }] : [];
  },
};

export function earlyCalls(context: BootContext): EarlyCall[] {
  return FIRST_CALLS[context.page]?.(context) ?? [];
}
