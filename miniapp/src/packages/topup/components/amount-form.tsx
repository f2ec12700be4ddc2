import { useState } from 'react';
import { View } from '@tarojs/components';
import type { PaymentMethod, TopupOptions } from '@cbc/shared';
import { SimulationNotice } from '../../../components/notices';
import { Section } from '../../../components/section';
import { useI18n } from '../../../i18n';
import { openTopupConfirm } from '../../../utils/navigation';
import { AmountPicker } from './amount-picker';
import { MethodList } from './method-list';
import { MonthlyCap } from './monthly-cap';
import { PayBar } from './pay-bar';
import { PromotionBanner } from './promotion-banner';
import { TopupCard } from './topup-card';
import { UnpaidOrders } from './unpaid-orders';
import { useAmountChoice } from './use-amount-choice';

/**
 * 充值's form: the card, its unpaid orders, the promotion, an amount, the monthly cap and a method; 下一步
 * opens the confirm page. `onOrdersChanged` runs when an unpaid order here is paid or cancelled.
 */
export function AmountForm({
  options,
  cardId,
  prefill,
  onOrdersChanged,
}: {
  options: TopupOptions;
  cardId: string;
  prefill?: number;
  onOrdersChanged: () => void;
}) {
  const { t } = useI18n();
  const amount = useAmountChoice(options, prefill);
  const [method, setMethod] = useState<PaymentMethod | null>(options.methods[0] ?? null);
  const { amountMinor } = amount;
  const ready = amountMinor !== null && method !== null;

  const next = () => {
    if (amountMinor === null || method === null) return;
    openTopupConfirm({
      cardId,
      amountMinor,
      method,
      ...(options.promotion ? { promotionId: options.promotion.id } : {}),
    });
  };

  return (
    <View className="amount-form">
      <TopupCard options={options} />

      <UnpaidOrders cardId={cardId} unpaid={options.unpaid} onChanged={onOrdersChanged} />

      {options.promotion ? <PromotionBanner promotion={options.promotion} /> : null}

      <Section title={t('topup.chooseAmount')}>
        <AmountPicker options={options} amount={amount} />
      </Section>

      <MonthlyCap options={options} />

      <Section title={t('topup.method')}>
        {options.methods.length > 0 ? (
          <MethodList methods={options.methods} value={method} onChange={setMethod} />
        ) : (
          <View className="panel amounts__none js-no-methods">{t('topup.noMethods')}</View>
        )}
      </Section>

      <SimulationNotice />

      <PayBar
        amountMinor={amountMinor}
        bonus={amount.bonus}
        currency={options.balance.currency}
        ready={ready}
        onNext={next}
      />
    </View>
  );
}
