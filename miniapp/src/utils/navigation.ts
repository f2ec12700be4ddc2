import Taro from '@tarojs/taro';
import type { CardId } from '@cbc/shared';
import { ACCOUNT_PACKAGE_ROOT, ROUTES, routeUrl } from '../constants/routes';
import { writeCardChoice } from './card-choice';

export function openGuide(slug: string): void {
  void Taro.navigateTo({ url: routeUrl('guideDetail', { slug }) });
}

export function openChannel(card: CardId, id: string): void {
  void Taro.navigateTo({ url: routeUrl('channelDetail', { card, id }) });
}

/** switchTab cannot carry a query, so the card choice travels through storage. */
export function switchToGuides(card?: CardId): void {
  if (card) writeCardChoice(card);
  void Taro.switchTab({ url: routeUrl('guides') });
}

/** Back where the user came from, or, on a page opened by a deep link (h5, nothing below), `elsewhere`. */
function backOr(elsewhere: () => void): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    elsewhere();
  }
}

export function backToGuides(): void {
  backOr(() => switchToGuides());
}

export function openLogin(): void {
  void Taro.navigateTo({ url: routeUrl('login') });
}

/** From login: register. From register: back to the login page below it, or to a fresh one. */
export function openRegister(): void {
  void Taro.navigateTo({ url: routeUrl('register') });
}

/** 忘记密码, with the phone already typed on the login page (if any) filled in. */
export function openPasswordReset(phone?: { region: string; number: string }): void {
  void Taro.navigateTo({ url: routeUrl('passwordReset', phone?.number ? { ...phone } : {}) });
}

export function switchToLogin(): void {
  const pages = Taro.getCurrentPages();
  const below = pages[pages.length - 2];
  if (below && routeOf(below).endsWith(ROUTES.login)) {
    void Taro.navigateBack();
  } else {
    void Taro.redirectTo({ url: routeUrl('login') });
  }
}

export function openCards(): void {
  void Taro.navigateTo({ url: routeUrl('cards') });
}

export function openCardAdd(): void {
  void Taro.navigateTo({ url: routeUrl('cardAdd') });
}

export function openCardDetail(id: string): void {
  void Taro.navigateTo({ url: routeUrl('cardDetail', { id }) });
}

export function openMessages(): void {
  void Taro.navigateTo({ url: routeUrl('messages') });
}

export function switchToMe(): void {
  void Taro.switchTab({ url: routeUrl('me') });
}

/** WeChat pages carry `route` without a leading slash; the h5 router adds one. */
function routeOf(page: { route?: string }): string {
  return (page.route ?? '').replace(/^\//, '');
}

/**
 * After login or register: back to the page that asked for it, past every account page on top of
 * the stack (login → register counts twice). Opened directly (a deep link), there is nothing to go
 * back to: the Me tab shows the new account.
 */
export function leaveAccountFlow(): void {
  const pages = Taro.getCurrentPages();
  let delta = 0;
  for (let i = pages.length - 1; i >= 0; i -= 1) {
    const page = pages[i];
    if (!page || !routeOf(page).startsWith(`${ACCOUNT_PACKAGE_ROOT}/`)) break;
    delta += 1;
  }
  if (delta > 0 && delta < pages.length) {
    void Taro.navigateBack({ delta });
  } else {
    switchToMe();
  }
}

/** Back to 我的卡片 after binding or unbinding: the list below (it reloads when shown), else a fresh one. */
export function backToCards(): void {
  const pages = Taro.getCurrentPages();
  const below = pages[pages.length - 2];
  if (below && routeOf(below).endsWith(ROUTES.cards)) {
    void Taro.navigateBack();
  } else {
    void Taro.redirectTo({ url: routeUrl('cards') });
  }
}

/** Back to the amount page below the confirmation; opened by a deep link, to the cards to pick one. */
export function backToAmount(): void {
  backOr(backToCards);
}

/** 充值 for one card: the amount page (optionally with an amount already chosen). */
export function openTopup(cardId: string, amountMinor?: number): void {
  const query: Record<string, string> = { cardId };
  if (amountMinor !== undefined) query.amount = String(amountMinor);
  void Taro.navigateTo({ url: routeUrl('topupAmount', query) });
}

export interface ConfirmQuery {
  cardId: string;
  amountMinor: number;
  method: string;
  promotionId?: string;
}

export function openTopupConfirm({ cardId, amountMinor, method, promotionId }: ConfirmQuery): void {
  const query: Record<string, string> = { cardId, amount: String(amountMinor), method };
  if (promotionId) query.promotionId = promotionId;
  void Taro.navigateTo({ url: routeUrl('topupConfirm', query) });
}

/** 我的订单, all cards or one. */
export function openOrders(cardId?: string): void {
  void Taro.navigateTo({ url: routeUrl('orders', cardId ? { cardId } : {}) });
}

export function openOrderDetail(id: string): void {
  void Taro.navigateTo({ url: routeUrl('orderDetail', { id }) });
}

/**
 * The result page of a payment. From the confirm page it replaces the confirm page (that order is
 * placed; back from the result goes to the amount page); from 我的订单 or an order it opens on top.
 */
export function showTopupResult(orderId: string, outcome: string | undefined, how: 'replace' | 'push'): void {
  const url = routeUrl('topupResult', outcome ? { orderId, outcome } : { orderId });
  void (how === 'replace' ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
}

const TOPUP_FLOW_ROUTES: readonly string[] = [
  ROUTES.topupAmount,
  ROUTES.topupConfirm,
  ROUTES.cashier,
  ROUTES.topupResult,
];

/**
 * 完成 on the result page: back past the pages of this payment (amount, confirm, cashier, result) to
 * where it started: a card, the home tab, 我的订单. Opened directly, there is nothing below: home.
 */
export function leaveTopupFlow(): void {
  const pages = Taro.getCurrentPages();
  let delta = 0;
  for (let i = pages.length - 1; i >= 0; i -= 1) {
    const page = pages[i];
    if (!page || !TOPUP_FLOW_ROUTES.some((route) => routeOf(page).endsWith(route))) break;
    delta += 1;
  }
  if (delta > 0 && delta < pages.length) {
    void Taro.navigateBack({ delta });
  } else {
    void Taro.switchTab({ url: routeUrl('home') });
  }
}

/**
 * After a failed payment, to choose another method: the amount page below (it keeps the amount chosen),
 * else a fresh one with the amount filled in.
 */
export function backToTopupAmount(cardId: string, amountMinor: number): void {
  const pages = Taro.getCurrentPages();
  const below = pages[pages.length - 2];
  if (below && routeOf(below).endsWith(ROUTES.topupAmount)) {
    void Taro.navigateBack();
  } else {
    void Taro.redirectTo({ url: routeUrl('topupAmount', { cardId, amount: String(amountMinor) }) });
  }
}

/** 模拟通行 for one card. */
export function openTrip(cardId: string): void {
  void Taro.navigateTo({ url: routeUrl('trip', { id: cardId }) });
}

/** 规划充值周期 for one card. */
export function openPlanner(cardId: string): void {
  void Taro.navigateTo({ url: routeUrl('planner', { id: cardId }) });
}

/** One card's transactions (with its statement and export). */
export function openCardHistory(cardId: string): void {
  void Taro.navigateTo({ url: routeUrl('cardHistory', { id: cardId }) });
}

/** The receipt of one transaction (history entry). */
export function openReceipt(transactionId: string): void {
  void Taro.navigateTo({ url: routeUrl('receipt', { id: transactionId }) });
}

/** A card's statement of one month (`YYYY-MM`). */
export function openStatement(cardId: string, month: string): void {
  void Taro.navigateTo({ url: routeUrl('statement', { id: cardId, month }) });
}

export function switchToHistory(): void {
  void Taro.switchTab({ url: routeUrl('history') });
}
