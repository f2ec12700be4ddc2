import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import {
  CARDS,
  formatMoney,
  paymentMethodSchema,
  PAYMENT_METHOD_NAMES,
  type ErrorCode,
  type PaymentMethod,
  type TopupOptions,
} from '@cbc/shared';
import { z } from 'zod';
import { newIdempotencyKey, request, toApiError, useCachedQuery, type ApiError } from '../../../../api';
import { useSession } from '../../../../auth';
import { SampleTag } from '../../../../components/bound-card';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { BrokenLink, LoadFailed, LoadingSkeleton } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { backToAmount, openCardDetail, showTopupResult } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { bonusFor } from '../../components/figures';
import { InfoRow } from '../../../../components/info-rows';
import { MethodIcon } from '../../components/method-icon';
import { payOrder } from '../../components/pay-order';
import '../../components/topup.scss';
import './index.scss';
import { noBreak } from '../../../../utils/no-break';

const confirmParams = z.object({
  cardId: z.uuid(),
  amount: z.coerce.number().int().positive(),
  method: paymentMethodSchema,
  promotionId: z.string().min(1).max(64).optional(),
});

/** Refusals the user fixes by choosing the amount (or method) again. */
const AMOUNT_CODES: readonly (ErrorCode | string)[] = [
  'AMOUNT_NOT_WHOLE_UNIT',
  'AMOUNT_TOO_LOW',
  'AMOUNT_TOO_HIGH',
  'MONTHLY_CAP_EXCEEDED',
  'METHOD_NOT_ACCEPTED',
  'PROMOTION_EXPIRED',
];

interface BodyProps {
  options: TopupOptions;
  cardId: string;
  amountMinor: number;
  method: PaymentMethod;
  promotionId: string | undefined;
}

function ConfirmBody({ options, cardId, amountMinor, method, promotionId }: BodyProps) {
  const { lang, t } = useI18n();
  // One key for this visit: pressing 立即支付 again (after a lost reply or a failed hand-over to the
  // cashier) finds the order already placed instead of placing a second one.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [phase, setPhase] = useState<'creating' | 'opening' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const currency = options.balance.currency;
  const amount = { amountMinor, currency };
  const bonus = bonusFor(options, amountMinor);
  const total = { amountMinor: amountMinor + bonus.amountMinor, currency };
  const card = CARDS[options.cardType];

  const pay = async () => {
    setError(null);
    setPhase('creating');
    let orderId: string;
    try {
      const order = await request('createOrder', {
        lang,
        body: { cardId, amountMinor, method, ...(promotionId ? { promotionId } : {}) },
        idempotencyKey,
      });
      orderId = order.id;
    } catch (caught) {
      setError(toApiError(caught));
      setPhase(null);
      return;
    }
    setPhase('opening');
    try {
      const { result } = await payOrder(orderId, lang);
      showTopupResult(orderId, result, 'replace');
    } catch (caught) {
      setError(toApiError(caught));
      setPhase(null);
    }
  };

  let fix = null;
  if (error && AMOUNT_CODES.includes(error.code)) {
    fix = (
      <View className="topup-error__action js-change-amount" ariaRole="button" onClick={() => void Taro.navigateBack()}>
        {t('confirm.changeAmount')}
      </View>
    );
  } else if (error?.code === 'CARD_NOT_VERIFIED') {
    fix = (
      <View className="topup-error__action js-go-verify" ariaRole="button" onClick={() => openCardDetail(cardId)}>
        {t('topup.goVerify')}
      </View>
    );
  }

  return (
    <View className="js-confirm">
      <View className="panel confirm-hero">
        <View className="confirm-hero__head">
          <Text className="confirm-hero__label">{t('confirm.youPay')}</Text>
          <SimulationBadge />
        </View>
        <Text className="confirm-hero__amount figure js-confirm-amount">{formatMoney(amount)}</Text>
        <Text className="confirm-hero__card">
          {card.name[lang]} <Text className="figure">{noBreak(options.cardNumberMasked)}</Text>
        </Text>
      </View>

      <View className="panel confirm-rows">
        <InfoRow label={t('topup.card')}>
          <Text>{card.name[lang]}</Text>
          {options.cardSample ? <SampleTag /> : null}
          <Text className="info-row__sub info-row__mono js-confirm-card">{noBreak(options.cardNumberMasked)}</Text>
        </InfoRow>
        <InfoRow label={t('topup.amount')} figure>
          <Text>{formatMoney(amount)}</Text>
        </InfoRow>
        <InfoRow label={t('topup.bonus')} figure>
          {bonus.amountMinor > 0 ? (
            <>
              <Text className="info-row__bonus js-confirm-bonus">{formatMoney(bonus)}</Text>
              {options.promotion ? <Text className="info-row__sub">{options.promotion.name}</Text> : null}
            </>
          ) : (
            // A figure like every other row here and on the receipt, rather than a word.
            <Text className="js-confirm-bonus">{formatMoney(bonus)}</Text>
          )}
        </InfoRow>
        <InfoRow label={t('topup.total')} figure strong>
          <Text className="js-confirm-total">{formatMoney(total)}</Text>
        </InfoRow>
        <InfoRow label={t('topup.method')}>
          <View className="confirm-method">
            <MethodIcon method={method} size="small" />
            <Text className="confirm-method__name js-confirm-method">{PAYMENT_METHOD_NAMES[method][lang]}</Text>
          </View>
        </InfoRow>
      </View>

      <View className="confirm-notes">
        <Text className="confirm-notes__line">{t('confirm.expiresHint', { minutes: options.orderTtlMinutes })}</Text>
        <Text className="confirm-notes__line">{t('confirm.serverDecides')}</Text>
      </View>

      {error ? (
        <View className="topup-error js-form-error" ariaRole="alert">
          <Text>{error.message}</Text>
          {fix}
        </View>
      ) : null}

      <SimulationNotice />

      <View className="pay-bar js-pay-bar">
        <View className="pay-bar__summary">
          <Text className="pay-bar__total figure">{formatMoney(amount)}</Text>
          <Text className="pay-bar__bonus figure">{t('topup.totalPreview', { total: formatMoney(total) })}</Text>
        </View>
        <Button
          type="primary"
          size="large"
          loading={phase !== null}
          disabled={phase !== null}
          className="pay-bar__button js-confirm-pay"
          ariaRole="button"
          onClick={() => void pay()}
        >
          {phase === 'creating' ? t('confirm.creating') : phase === 'opening' ? t('confirm.opening') : t('confirm.pay')}
        </Button>
      </View>
    </View>
  );
}

export default function TopupConfirmPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const params = confirmParams.safeParse(router.params);
  usePageTitle(t('confirm.title'));
  const back = useWaysBack();

  const query = useCachedQuery('getTopupOptions', params.success ? { params: { id: params.data.cardId } } : null);

  let body;
  if (!loggedIn) {
    body = <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />;
  } else if (!params.success) {
    const again = { label: t('confirm.changeAmount'), onClick: backToAmount, testClass: 'js-back' };
    body = <BrokenLink hint={t('confirm.badLink')} back={again} />;
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={2} rows={4} />;
  } else if (query.status === 'error' || !query.data) {
    body = <LoadFailed error={query.error} onRetry={() => void query.reload()} back={back.cards} />;
  } else {
    body = (
      <ConfirmBody
        options={query.data}
        cardId={params.data.cardId}
        amountMinor={params.data.amount}
        method={params.data.method}
        promotionId={params.data.promotionId}
      />
    );
  }

  return <View className={`page with-bar topup-confirm js-page-topup-confirm ${textSize}`}>{body}</View>;
}
