import Taro from '@tarojs/taro';
import type { CardId } from '@cbc/shared';
import { routeUrl } from '../constants/routes';
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
