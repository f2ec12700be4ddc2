import { useI18n } from '../../i18n';
import { backToCards, openOrders, switchToHistory } from '../../utils/navigation';
import type { WayBack } from './index';

/** The lists a card, an order or a transaction is reached from, as ways back from a link that leads nowhere. */
export function useWaysBack(): Record<'cards' | 'orders' | 'history', WayBack> {
  const { t } = useI18n();
  return {
    cards: {
      label: t('cards.title'),
      onClick: backToCards,
      testClass: 'js-back-to-cards',
      goneHint: t('state.cardGone'),
    },
    orders: {
      label: t('orders.title'),
      onClick: () => openOrders(),
      testClass: 'js-open-orders',
      goneHint: t('state.orderGone'),
    },
    history: {
      label: t('history.title'),
      onClick: switchToHistory,
      testClass: 'js-go-history',
      goneHint: t('state.entryGone'),
    },
  };
}
