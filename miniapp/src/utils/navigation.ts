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

/** Back where the user came from; a page opened by a deep link (h5) has nowhere to go back to. */
export function backToGuides(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    switchToGuides();
  }
}

export function openLogin(): void {
  void Taro.navigateTo({ url: routeUrl('login') });
}

/** From login: register. From register: back to the login page below it, or to a fresh one. */
export function openRegister(): void {
  void Taro.navigateTo({ url: routeUrl('register') });
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
