import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  CARDS,
  CURRENCY_SYMBOLS,
  formatMoney,
  formatMoneyShort,
  MINOR_PER_UNIT,
  PAYMENT_METHOD_NAMES,
  type PaymentMethod,
  type PromotionView,
  type TopupOptions,
} from '@cbc/shared';
import { z } from 'zod';
import { useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { SampleTag, cardGradient } from '../../../../components/bound-card';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { Section } from '../../../../components/section';
import { formatDate, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openCardDetail, openCards, openTopupConfirm } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { bonusFor, checkAmountMinor, checkAmountText, lastDayOf } from '../../components/figures';
import { MethodIcon } from '../../components/method-icon';
import '../../components/topup.scss';
import './index.scss';

const cardIdParam = z.uuid();
const amountParam = z.coerce.number().int().positive();

type Choice = { kind: 'none' } | { kind: 'preset'; amountMinor: number } | { kind: 'custom'; text: string };

function PromotionBanner({ promotion }: { promotion: PromotionView }) {
  const { lang, t } = useI18n();
  return (
    <View className="promo js-promotion">
      <View className="promo__head">
        <Text className="promo__tag">{t('topup.promotion')}</Text>
        <Text className="promo__name">{promotion.name}</Text>
      </View>
      <View className="promo__tiers">
        {promotion.tiers.map((tier) => (
          <Text key={tier.minAmount.amountMinor} className="promo__tier">
            {t('topup.promotionTier', { min: formatMoneyShort(tier.minAmount), bonus: formatMoneyShort(tier.bonus) })}
          </Text>
        ))}
      </View>
      <Text className="promo__until js-promotion-until">
        {t('topup.promotionUntil', { date: formatDate(lang, lastDayOf(promotion.endsAt)) })}
      </Text>
    </View>
  );
}

function MonthlyCap({ options }: { options: TopupOptions }) {
  const { t } = useI18n();
  const cap = options.monthlyCap.amountMinor;
  const used = Math.min(options.monthlyUsed.amountMinor, cap);
  const percent = cap > 0 ? Math.round((used / cap) * 100) : 100;
  const exhausted = options.monthlyRemaining.amountMinor < options.min.amountMinor;
  return (
    <View className="panel monthly js-monthly">
      <View className="monthly__head">
        <Text className="monthly__title">{t('topup.monthly')}</Text>
        <Text className="monthly__left figure js-monthly-remaining">
          {t('topup.monthlyRemaining', { remaining: formatMoney(options.monthlyRemaining) })}
        </Text>
      </View>
      <View
        className="monthly__bar"
        ariaRole="progressbar"
        ariaValuenow={percent}
        ariaValuemin={0}
        ariaValuemax={100}
        ariaLabel={t('topup.monthly')}
      >
        <View className={`monthly__fill${exhausted ? ' is-full' : ''}`} style={{ width: `${percent}%` }} />
      </View>
      <Text className="monthly__used figure">
        {t('topup.monthlyUsed', { used: formatMoney(options.monthlyUsed), cap: formatMoney(options.monthlyCap) })}
      </Text>
      {exhausted ? (
        <Text className="monthly__exhausted js-monthly-exhausted">{t('topup.monthlyExhausted')}</Text>
      ) : null}
    </View>
  );
}

function MethodList({
  methods,
  value,
  onChange,
}: {
  methods: readonly PaymentMethod[];
  value: PaymentMethod | null;
  onChange: (method: PaymentMethod) => void;
}) {
  const { lang, t } = useI18n();
  return (
    <View className="panel methods js-methods" ariaRole="radiogroup" ariaLabel={t('topup.method')}>
      {methods.map((method) => {
        const active = method === value;
        return (
          <View
            key={method}
            className={`method-row js-method js-method-${method}${active ? ' is-active' : ''}`}
            ariaRole="radio"
            ariaChecked={active}
            onClick={() => onChange(method)}
          >
            <MethodIcon method={method} />
            <Text className="method-row__name">{PAYMENT_METHOD_NAMES[method][lang]}</Text>
            <SimulationBadge className="method-row__badge" />
            <View className={`radio-mark${active ? ' is-on' : ''}`} />
          </View>
        );
      })}
    </View>
  );
}

function AmountForm({ options, cardId, prefill }: { options: TopupOptions; cardId: string; prefill?: number }) {
  const { lang, t } = useI18n();
  const card = CARDS[options.cardType];
  const currency = options.balance.currency;
  const [choice, setChoice] = useState<Choice>(() => {
    if (prefill === undefined) return { kind: 'none' };
    return options.presets.some((preset) => preset.amount.amountMinor === prefill)
      ? { kind: 'preset', amountMinor: prefill }
      : { kind: 'custom', text: String(prefill / MINOR_PER_UNIT) };
  });
  const [method, setMethod] = useState<PaymentMethod | null>(options.methods[0] ?? null);

  const check =
    choice.kind === 'preset'
      ? checkAmountMinor(choice.amountMinor, options, t)
      : choice.kind === 'custom' && choice.text.trim() !== ''
        ? checkAmountText(choice.text, options, t)
        : null;
  const amountMinor = check?.amountMinor ?? null;
  const bonus = amountMinor !== null ? bonusFor(options, amountMinor) : null;
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

  const customText = choice.kind === 'custom' ? choice.text : '';

  return (
    <View className="amount-form">
      <View className="panel topup-card js-topup-card">
        <View className="topup-card__swatch" style={{ background: cardGradient(card.color) }} />
        <View className="topup-card__main">
          <View className="topup-card__title">
            <Text className="topup-card__name">{card.name[lang]}</Text>
            {options.cardSample ? <SampleTag /> : null}
          </View>
          <Text className="topup-card__number figure js-topup-card-number">{options.cardNumberMasked}</Text>
        </View>
        <View className="topup-card__balance">
          <Text className="topup-card__label">{t('topup.balance')}</Text>
          <Text className="topup-card__amount figure js-topup-balance">{formatMoney(options.balance)}</Text>
        </View>
      </View>

      {options.promotion ? <PromotionBanner promotion={options.promotion} /> : null}

      <Section title={t('topup.chooseAmount')}>
        <View className="panel amounts">
          {options.presets.length > 0 ? (
            <View className="presets js-presets" ariaRole="radiogroup" ariaLabel={t('topup.chooseAmount')}>
              {options.presets.map((preset) => {
                const value = preset.amount.amountMinor;
                const active = choice.kind === 'preset' && choice.amountMinor === value;
                const disabled = value > options.monthlyRemaining.amountMinor;
                const label =
                  preset.bonus.amountMinor > 0
                    ? t('topup.presetBonusLabel', {
                        amount: formatMoney(preset.amount),
                        bonus: formatMoney(preset.bonus),
                      })
                    : t('topup.presetLabel', { amount: formatMoney(preset.amount) });
                return (
                  <View
                    key={value}
                    className={`preset js-preset js-preset-${value / MINOR_PER_UNIT}${active ? ' is-active' : ''}${
                      disabled ? ' is-disabled' : ''
                    }`}
                    ariaRole="radio"
                    ariaChecked={active}
                    ariaLabel={label}
                    onClick={() => setChoice({ kind: 'preset', amountMinor: value })}
                  >
                    <Text className="preset__amount figure">{formatMoneyShort(preset.amount)}</Text>
                    {preset.bonus.amountMinor > 0 ? (
                      <Text className="preset__bonus js-preset-bonus">
                        {t('topup.bonusBadge', { bonus: formatMoneyShort(preset.bonus) })}
                      </Text>
                    ) : null}
                  </View>
                );
              })}
            </View>
          ) : (
            <Text className="amounts__none">{t('topup.noPresets')}</Text>
          )}

          <View
            className={`custom${choice.kind === 'custom' ? ' is-active' : ''}${check?.problem ? ' has-error' : ''}`}
          >
            <Text className="custom__label">{t('topup.customAmount')}</Text>
            <View className="custom__box">
              <Text className="custom__symbol">{CURRENCY_SYMBOLS[currency]}</Text>
              <Input
                className="custom__input figure js-custom-amount"
                placeholderClass="custom__placeholder"
                type="digit"
                maxlength={9}
                value={customText}
                placeholder={t('topup.customPlaceholder')}
                onFocus={() => {
                  if (choice.kind !== 'custom') setChoice({ kind: 'custom', text: '' });
                }}
                onInput={(event) => setChoice({ kind: 'custom', text: event.detail.value })}
              />
            </View>
            <Text className="custom__hint">
              {t('topup.customHint', { min: formatMoneyShort(options.min), max: formatMoneyShort(options.max) })}
            </Text>
          </View>
          {check?.problem ? (
            <View className="amounts__error js-field-error js-field-error-amount" ariaRole="alert">
              {check.problem}
            </View>
          ) : null}
        </View>
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

      <View className="pay-bar js-pay-bar">
        <View className="pay-bar__summary">
          {amountMinor !== null && bonus ? (
            <>
              <Text className="pay-bar__total figure js-pay-bar-total">
                {t('topup.totalPreview', {
                  total: formatMoney({ amountMinor: amountMinor + bonus.amountMinor, currency }),
                })}
              </Text>
              {bonus.amountMinor > 0 ? (
                <Text className="pay-bar__bonus figure">{t('topup.withBonus', { bonus: formatMoney(bonus) })}</Text>
              ) : null}
            </>
          ) : (
            <Text className="pay-bar__hint">{t('topup.chooseFirst')}</Text>
          )}
        </View>
        <Button
          type="primary"
          size="large"
          disabled={!ready}
          className="pay-bar__button js-topup-next"
          ariaRole="button"
          onClick={next}
        >
          {t('topup.next')}
        </Button>
      </View>
    </View>
  );
}

export default function TopupAmountPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const cardId = cardIdParam.safeParse(router.params.cardId);
  const prefill = amountParam.safeParse(router.params.amount);
  usePageTitle(t('topup.title'));

  const query = useCachedQuery('getTopupOptions', cardId.success ? { params: { id: cardId.data } } : null);
  // Back from a payment: the monthly figures and the balance have moved.
  useRefreshOnShow(() => void query.reload());

  let body;
  if (!loggedIn) {
    body = <LoginPrompt title={t('cards.loginTitle')} body={t('cards.loginBody')} />;
  } else if (!cardId.success) {
    body = (
      <ErrorState error={null} title={t('confirm.badLink')}>
        <Button ariaRole="button" type="default" className="query-state__action js-back-to-cards" onClick={openCards}>
          {t('cards.title')}
        </Button>
      </ErrorState>
    );
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={3} rows={2} />;
  } else if (query.status === 'error' || !query.data) {
    const error = query.error;
    if (error?.code === 'CARD_NOT_VERIFIED') {
      body = (
        <ErrorState error={error} title={t('topup.notVerifiedTitle')}>
          <Button
            ariaRole="button"
            type="primary"
            className="query-state__action js-go-verify"
            onClick={() => openCardDetail(cardId.data)}
          >
            {t('topup.goVerify')}
          </Button>
        </ErrorState>
      );
    } else if (error?.status === 404) {
      body = (
        <ErrorState error={error}>
          <Button ariaRole="button" type="default" className="query-state__action js-back-to-cards" onClick={openCards}>
            {t('cards.title')}
          </Button>
        </ErrorState>
      );
    } else {
      body = <ErrorState error={error} onRetry={() => void query.reload()} />;
    }
  } else if (query.data.methods.length === 0 && query.data.presets.length === 0) {
    body = <EmptyState />;
  } else {
    body = (
      <AmountForm options={query.data} cardId={cardId.data} prefill={prefill.success ? prefill.data : undefined} />
    );
  }

  return <View className={`page topup-amount js-page-topup-amount ${textSize}`}>{body}</View>;
}
