/**
 * Every page path of the app, in one place: app.config.ts (evaluated by Taro at build time) and the
 * navigation helpers both read these, so a moved page cannot leave a dangling link.
 * Keep this module free of imports: the build-time evaluation of app.config.ts loads it directly.
 */

/** Tab pages live in the main package (WeChat requires it). */
export const TAB_PAGES = {
  home: 'pages/home/index',
  guides: 'pages/guides/index',
  history: 'pages/history/index',
  me: 'pages/me/index',
} as const;

/** The guide reading flow is a subpackage (分包), preloaded from the guides tab. */
export const GUIDES_PACKAGE_ROOT = 'packages/guides';

export const GUIDES_PACKAGE_PAGES = {
  detail: 'pages/detail/index',
  channel: 'pages/channel/index',
} as const;

/** Login, register and 忘记密码, preloaded from the Me tab. */
export const ACCOUNT_PACKAGE_ROOT = 'packages/account';

export const ACCOUNT_PACKAGE_PAGES = {
  login: 'pages/login/index',
  register: 'pages/register/index',
  reset: 'pages/reset/index',
} as const;

/** 我的卡片: list, bind, detail. */
export const CARDS_PACKAGE_ROOT = 'packages/cards';

export const CARDS_PACKAGE_PAGES = {
  list: 'pages/list/index',
  add: 'pages/add/index',
  detail: 'pages/detail/index',
  trip: 'pages/trip/index',
  planner: 'pages/planner/index',
} as const;

/** The inbox of simulated SMS and notices. */
export const MESSAGES_PACKAGE_ROOT = 'packages/messages';

export const MESSAGES_PACKAGE_PAGES = {
  inbox: 'pages/inbox/index',
} as const;

/** Top-up: amount → confirm → cashier → result, and 我的订单 with each order's detail and receipt. */
export const TOPUP_PACKAGE_ROOT = 'packages/topup';

export const TOPUP_PACKAGE_PAGES = {
  amount: 'pages/amount/index',
  confirm: 'pages/confirm/index',
  cashier: 'pages/cashier/index',
  result: 'pages/result/index',
  orders: 'pages/orders/index',
  order: 'pages/order/index',
} as const;

/** History: one card's transactions, a receipt, a monthly statement (the all-cards list is the 记录 tab). */
export const HISTORY_PACKAGE_ROOT = 'packages/history';

export const HISTORY_PACKAGE_PAGES = {
  card: 'pages/card/index',
  receipt: 'pages/receipt/index',
  statement: 'pages/statement/index',
} as const;

export const ROUTES = {
  home: TAB_PAGES.home,
  guides: TAB_PAGES.guides,
  history: TAB_PAGES.history,
  me: TAB_PAGES.me,
  guideDetail: `${GUIDES_PACKAGE_ROOT}/${GUIDES_PACKAGE_PAGES.detail}`,
  channelDetail: `${GUIDES_PACKAGE_ROOT}/${GUIDES_PACKAGE_PAGES.channel}`,
  login: `${ACCOUNT_PACKAGE_ROOT}/${ACCOUNT_PACKAGE_PAGES.login}`,
  register: `${ACCOUNT_PACKAGE_ROOT}/${ACCOUNT_PACKAGE_PAGES.register}`,
  passwordReset: `${ACCOUNT_PACKAGE_ROOT}/${ACCOUNT_PACKAGE_PAGES.reset}`,
  cards: `${CARDS_PACKAGE_ROOT}/${CARDS_PACKAGE_PAGES.list}`,
  cardAdd: `${CARDS_PACKAGE_ROOT}/${CARDS_PACKAGE_PAGES.add}`,
  cardDetail: `${CARDS_PACKAGE_ROOT}/${CARDS_PACKAGE_PAGES.detail}`,
  trip: `${CARDS_PACKAGE_ROOT}/${CARDS_PACKAGE_PAGES.trip}`,
  planner: `${CARDS_PACKAGE_ROOT}/${CARDS_PACKAGE_PAGES.planner}`,
  cardHistory: `${HISTORY_PACKAGE_ROOT}/${HISTORY_PACKAGE_PAGES.card}`,
  receipt: `${HISTORY_PACKAGE_ROOT}/${HISTORY_PACKAGE_PAGES.receipt}`,
  statement: `${HISTORY_PACKAGE_ROOT}/${HISTORY_PACKAGE_PAGES.statement}`,
  messages: `${MESSAGES_PACKAGE_ROOT}/${MESSAGES_PACKAGE_PAGES.inbox}`,
  topupAmount: `${TOPUP_PACKAGE_ROOT}/${TOPUP_PACKAGE_PAGES.amount}`,
  topupConfirm: `${TOPUP_PACKAGE_ROOT}/${TOPUP_PACKAGE_PAGES.confirm}`,
  cashier: `${TOPUP_PACKAGE_ROOT}/${TOPUP_PACKAGE_PAGES.cashier}`,
  topupResult: `${TOPUP_PACKAGE_ROOT}/${TOPUP_PACKAGE_PAGES.result}`,
  orders: `${TOPUP_PACKAGE_ROOT}/${TOPUP_PACKAGE_PAGES.orders}`,
  orderDetail: `${TOPUP_PACKAGE_ROOT}/${TOPUP_PACKAGE_PAGES.order}`,
} as const;

export type RouteName = keyof typeof ROUTES;

/** A navigable URL: Taro wants a leading slash and a plain query string. */
export function routeUrl(route: RouteName, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return `/${ROUTES[route]}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}
