import { CARDS, formatMoney, type Order } from '@cbc/shared';
import { formatDateTime, type I18n } from '../../../i18n';
import type { PaymentResult } from '../../../payments/request-payment';

export type ResultView = 'processing' | 'paid' | 'credited' | 'failed' | 'closed' | 'unpaid';

/**
 * What the result page shows: the order's state decides; for an order not yet paid, the cashier's
 * answer says whether money may be on its way (paid, or no answer: keep checking, do not pay again)
 * or not (closed, failed to start: pay or cancel).
 */
export function viewOf(order: Order, outcome: PaymentResult | undefined): ResultView {
  switch (order.state) {
    case 'credited':
      return 'credited';
    case 'paid':
      return 'paid';
    case 'failed':
      return 'failed';
    case 'closed':
      return 'closed';
    default:
      return outcome === 'ok' || outcome === 'timeout' ? 'processing' : 'unpaid';
  }
}

/** The result's title and sentence; `warn` when money may be on its way (do not pay again). */
export function resultMessage(
  view: ResultView,
  order: Order,
  outcome: PaymentResult | undefined,
  { lang, t }: Pick<I18n, 'lang' | 't'>,
): { title: string; text: string; warn: boolean } {
  switch (view) {
    case 'credited':
      return {
        title: t('result.step.credited'),
        text: t('result.creditedBody', { total: formatMoney(order.total), card: CARDS[order.cardType].name[lang] }),
        warn: false,
      };
    case 'paid':
      return { title: t('result.step.paid'), text: t('result.paidBody'), warn: true };
    case 'processing':
      return {
        title: t('result.step.paying'),
        text: outcome === 'timeout' ? t('result.timeoutBody') : t('result.payingBody'),
        warn: true,
      };
    case 'failed':
      return {
        title: t('result.failedTitle'),
        text: order.endReason === 'insufficient_funds' ? t('result.insufficientBody') : t('result.failedBody'),
        warn: false,
      };
    case 'closed': {
      const cancelled = order.endReason === 'cancelled';
      return {
        title: cancelled ? t('result.orderCancelled') : t('result.closedTitle'),
        text: cancelled
          ? t('result.cancelledBody')
          : order.endReason === 'expired'
            ? t('result.closedExpiredBody')
            : t('result.closedBody'),
        warn: false,
      };
    }
    default:
      return {
        title:
          outcome === 'cancel'
            ? t('result.cancelledTitle')
            : outcome === 'fail'
              ? t('result.notCompletedTitle')
              : t('result.unpaidTitle'),
        text: t('result.unpaidBody', { time: formatDateTime(lang, Date.parse(order.expiresAt)) }),
        warn: false,
      };
  }
}
