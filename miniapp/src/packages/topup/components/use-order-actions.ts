import { useState } from 'react';
import Taro from '@tarojs/taro';
import { request, toApiError, type ApiError } from '../../../api';
import { useI18n } from '../../../i18n';
import type { PaymentResult } from '../../../payments/request-payment';
import { payOrder } from './pay-order';

export interface OrderActions {
  /** Which order is being paid or cancelled, if any. */
  busy: { orderId: string; action: 'pay' | 'cancel' } | null;
  error: ApiError | null;
  pay: (orderId: string) => Promise<void>;
  cancel: (orderId: string) => Promise<void>;
}

/**
 * 继续支付 and 取消订单 of an unpaid order, shared by the result page, 我的订单 and the order page.
 * `onPaid` gets the cashier's answer; `onChanged` runs after either action, to fetch the order again.
 */
export function useOrderActions(
  onPaid: (orderId: string, result: PaymentResult) => void,
  onChanged: () => void,
): OrderActions {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState<OrderActions['busy']>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const pay = async (orderId: string) => {
    if (busy) return;
    setBusy({ orderId, action: 'pay' });
    setError(null);
    try {
      const { result } = await payOrder(orderId, lang);
      onPaid(orderId, result);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  const cancel = async (orderId: string) => {
    if (busy) return;
    // WeChat (and Taro's h5 version) refuse button labels over 4 CJK / 8 Latin characters: short ones.
    const answer = await Taro.showModal({
      title: t('result.cancelConfirmTitle'),
      content: t('result.cancelConfirmBody'),
      confirmText: t('result.cancelConfirmOk'),
      cancelText: t('result.keepOrder'),
      confirmColor: '#cb2634',
    }).catch(() => ({ confirm: false }));
    if (!answer.confirm) return;
    setBusy({ orderId, action: 'cancel' });
    setError(null);
    try {
      await request('cancelOrder', { lang, params: { id: orderId } });
      void Taro.showToast({ title: t('result.orderCancelled'), icon: 'success' });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  return { busy, error, pay, cancel };
}
