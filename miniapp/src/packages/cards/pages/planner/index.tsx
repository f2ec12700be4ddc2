import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../../components/button';
import {
  CURRENCY_SYMBOLS,
  decimalToMinor,
  formatMoney,
  minorToDecimal,
  planTopups,
  PLANNER_LIMITS,
  TOLL_SEGMENTS,
  type BoundCard,
  type TopupPlan,
} from '@cbc/shared';
import { request, toApiError } from '../../../../api';
import { Joined } from '../../../../components/joined';
import { SimulationNotice } from '../../../../components/notices';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { askReminderSubscription } from '../../../../utils/subscribe-reminder';
import { openTopup } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { RouteCardBody, useRouteCard } from '../../components/route-card';
import './index.scss';

function readTrips(text: string): number | undefined {
  if (!/^\d{1,2}(\.\d)?$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= PLANNER_LIMITS.minTripsPerWeek && value <= PLANNER_LIMITS.maxTripsPerWeek ? value : undefined;
}

function readFee(text: string): number | undefined {
  const minor = decimalToMinor(text);
  return minor !== undefined && minor >= PLANNER_LIMITS.minFeeMinor && minor <= PLANNER_LIMITS.maxFeeMinor
    ? minor
    : undefined;
}

function PlanResult({ plan, card }: { plan: TopupPlan; card: BoundCard }) {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: plan.currency });

  const setReminder = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const subscribe = await askReminderSubscription();
      await request('setReminder', {
        lang,
        params: { id: card.id },
        body: { thresholdMinor: plan.reminderThresholdMinor, subscribe },
      });
      setSaved(true);
      void Taro.showToast({ title: t('reminder.saved'), icon: 'success' });
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="panel plan js-plan">
      <Text className="plan__title">{t('planner.result')}</Text>
      <View className="plan__main">
        <Text className="plan__label">{t('planner.suggested')}</Text>
        <Text className="plan__amount js-plan-topup">{money(plan.suggestedTopupMinor)}</Text>
      </View>
      <Text className="plan__line js-plan-monthly">
        {t('planner.monthly', { amount: money(plan.monthlySpendMinor) })}
      </Text>
      <Text className="plan__line">{t('planner.tripsPerTopup', { count: plan.tripsPerTopup })}</Text>
      {plan.topupsPerMonth > 1 ? (
        <Text className="plan__line">{t('planner.topupsPerMonth', { count: plan.topupsPerMonth })}</Text>
      ) : null}
      <View className="plan__row">
        <Text className="plan__row-label">{t('planner.checkLabel')}</Text>
        <Text className="plan__row-value js-plan-check">{t(`planner.check.${plan.checkBalance}`)}</Text>
      </View>
      <View className="plan__row">
        <Text className="plan__row-label">{t('planner.threshold')}</Text>
        <Text className="plan__row-value plan__figure js-plan-threshold">{money(plan.reminderThresholdMinor)}</Text>
      </View>
      {error ? (
        <Text className="plan__error js-plan-error" ariaRole="alert">
          {error}
        </Text>
      ) : null}
      {saved ? (
        <Text className="plan__saved js-plan-saved" ariaRole="status">
          {t('reminder.current', { amount: money(plan.reminderThresholdMinor) })}
        </Text>
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        disabled={busy}
        className="plan__button js-plan-set-reminder"
        ariaRole="button"
        onClick={() => void setReminder()}
      >
        {t('planner.setReminder')}
      </Button>
      <Button
        type="default"
        size="large"
        block
        className="plan__button js-plan-topup-now"
        ariaRole="button"
        onClick={() => openTopup(card.id, plan.suggestedTopupMinor)}
      >
        {t('planner.topupNow')}
      </Button>
      <Text className="plan__note">{t('planner.note')}</Text>
    </View>
  );
}

function PlannerBody({ card }: { card: BoundCard }) {
  const { lang, t } = useI18n();
  const segments = TOLL_SEGMENTS[card.type];
  const [tripsText, setTripsText] = useState('2');
  const [feeText, setFeeText] = useState(minorToDecimal(segments[0]?.feeMinor ?? 5_000));
  const trips = readTrips(tripsText);
  const fee = readFee(feeText);
  const plan =
    trips !== undefined && fee !== undefined
      ? planTopups({ card: card.type, tripsPerWeek: trips, usualFeeMinor: fee })
      : null;

  return (
    <View className="js-planner">
      <View className="panel planner-form">
        <Text className="planner-form__intro">{t('planner.intro')}</Text>
        <Text className="planner-form__label">{t('planner.tripsPerWeek')}</Text>
        <View className="planner-form__box">
          <Input
            className="planner-form__input js-planner-trips"
            type="digit"
            value={tripsText}
            ariaLabel={t('planner.tripsPerWeek')}
            onInput={(event) => setTripsText(event.detail.value)}
          />
        </View>
        {trips === undefined ? (
          <Text className="planner-form__error js-field-error-trips">
            {t('planner.invalidTrips', {
              min: PLANNER_LIMITS.minTripsPerWeek,
              max: PLANNER_LIMITS.maxTripsPerWeek,
            })}
          </Text>
        ) : null}
        <Text className="planner-form__label">{t('planner.fee')}</Text>
        <View className="planner-form__box">
          <Text className="planner-form__symbol">{CURRENCY_SYMBOLS[card.balance.currency]}</Text>
          <Input
            className="planner-form__input js-planner-fee"
            type="digit"
            value={feeText}
            ariaLabel={t('planner.fee')}
            onInput={(event) => setFeeText(event.detail.value)}
          />
        </View>
        {fee === undefined ? (
          <Text className="planner-form__error js-field-error-fee">{t('planner.invalidFee')}</Text>
        ) : null}
        <Text className="planner-form__sub">{t('planner.useSegment')}</Text>
        <View className="planner-form__segments">
          {segments.map((segment) => (
            <View
              key={segment.id}
              className={`planner-chip js-planner-segment-${segment.id}${fee === segment.feeMinor ? ' is-active' : ''}`}
              ariaRole="button"
              onClick={() => setFeeText(minorToDecimal(segment.feeMinor))}
            >
              <Joined
                parts={[
                  segment.name[lang],
                  formatMoney({ amountMinor: segment.feeMinor, currency: card.balance.currency }),
                ]}
              />
            </View>
          ))}
        </View>
      </View>
      {plan ? <PlanResult plan={plan} card={card} /> : null}
    </View>
  );
}

/** 规划充值周期: a top-up amount, how often to check, and a reminder threshold, from shared's planTopups. */
export default function PlannerPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  usePageTitle(t('planner.title'));
  const card = useRouteCard();

  return (
    <View className={`page planner js-page-planner ${textSize}`}>
      <RouteCardBody card={card}>{(loaded) => <PlannerBody card={loaded} />}</RouteCardBody>
      <SimulationNotice />
    </View>
  );
}
