import { CARD_IDS, isCardId } from '@cbc/shared/cards/card-ids';
import type { CallArgs, RouteName } from '../api/request-key';
import { chartMonths } from '../components/history/months';
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
          { endpoint: 'listCards', args: {} },
          { endpoint: 'listTransactions', args: {} },
          // The chart with no card filter: all cards' six months (its currency is picked from the cards).
          { endpoint: 'getAllMonthTotals', args: { query: { months: chartMonths().join(',') } } },
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
