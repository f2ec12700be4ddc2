import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/button';
import { CARDS, formatMoney, TOLL_SEGMENTS, type BoundCard, type TripReply } from '@cbc/shared';
import { request, toApiError, type ApiError } from '../../../../api';
import { SampleTag } from '../../../../components/bound-card';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { formatHomeDateTime } from '../../../../components/history';
import { asSentence, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openMessages, openReceipt, openTopup } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { RouteCardBody, useRouteCard } from '../../components/route-card';
import './index.scss';

type Outcome = { kind: 'paid'; reply: TripReply } | { kind: 'declined'; error: ApiError; segmentId: string };

/** One line of the lane's outcome: a label, and a value (`figure`: tabular digits). */
function LaneRow(props: {
  label: string;
  figure?: boolean;
  className?: string;
  selectable?: boolean;
  children: ReactNode;
}) {
  const { label, figure = false, className = '', selectable = false, children } = props;
  return (
    <View className="lane__row">
      <Text className="lane__row-label">{label}</Text>
      <Text
        className={`lane__row-value${figure ? ' lane__figure' : ''} ${className}`.trimEnd()}
        userSelect={selectable}
      >
        {children}
      </Text>
    </View>
  );
}

/** What the lane shows after a trip: paid (debited, new balance, receipt) or declined for low balance. */
function TripOutcome({ outcome, card, onAgain }: { outcome: Outcome; card: BoundCard; onAgain: () => void }) {
  const { lang, t } = useI18n();
  if (outcome.kind === 'declined') {
    const segment = TOLL_SEGMENTS[card.type].find((candidate) => candidate.id === outcome.segmentId);
    return (
      <View className="panel lane lane--declined js-trip-declined" ariaRole="alert">
        <Text className="lane__label">{t('trip.lane')}</Text>
        <View className="lane__light lane__light--red" />
        <Text className="lane__title js-trip-declined-title">{t('trip.declinedTitle')}</Text>
        <Text className="lane__body js-trip-declined-message">{asSentence(lang, outcome.error.message)}</Text>
        <Text className="lane__body">{t('trip.declinedBody')}</Text>
        {/* Which segment and toll were refused, against the balance that fell short (the paid lane's rows). */}
        {segment ? (
          <View className="lane__rows js-trip-declined-rows">
            <LaneRow label={t('trip.segment')}>{segment.name[lang]}</LaneRow>
            <LaneRow label={t('trip.fee')} figure>
              {formatMoney({ amountMinor: segment.feeMinor, currency: card.balance.currency })}
            </LaneRow>
            <LaneRow label={t('trip.balance')} figure className="lane__strong">
              {formatMoney(card.balance)}
            </LaneRow>
          </View>
        ) : null}
        <View className="lane__actions">
          <Button
            type="default"
            size="large"
            className="lane__button js-trip-again"
            ariaRole="button"
            onClick={onAgain}
          >
            {t('trip.again')}
          </Button>
          <Button
            type="primary"
            size="large"
            className="lane__button lane__button--main js-trip-topup"
            ariaRole="button"
            onClick={() => openTopup(card.id)}
          >
            {t('cards.topup')}
          </Button>
        </View>
      </View>
    );
  }
  const { trip, balance, reminderSent } = outcome.reply;
  return (
    <View className="panel lane lane--paid js-trip-paid" ariaRole="status">
      <Text className="lane__label">{t('trip.lane')}</Text>
      <View className="lane__light lane__light--green" />
      <Text className="lane__title">{t('trip.successTitle')}</Text>
      <View className="lane__rows">
        <LaneRow label={t('trip.segment')}>{trip.segmentName}</LaneRow>
        <LaneRow label={t('trip.debited')} figure className="js-trip-debited">
          −{formatMoney(trip.fee)}
        </LaneRow>
        <LaneRow label={t('trip.newBalance')} figure className="lane__strong js-trip-balance">
          {formatMoney(balance)}
        </LaneRow>
        <LaneRow label={t('order.receiptNo')} figure className="js-trip-receipt" selectable>
          {trip.receiptNo}
        </LaneRow>
        <LaneRow label={t('receipt.time')} figure>
          {formatHomeDateTime(lang, trip.createdAt)} (UTC+8)
        </LaneRow>
      </View>
      {reminderSent ? (
        <View className="lane__reminder js-trip-reminder-sent">
          <Text className="lane__reminder-text">{t('trip.reminderSent')}</Text>
          <View className="lane__reminder-link js-trip-open-inbox" ariaRole="button" onClick={openMessages}>
            {t('trip.openInbox')}
          </View>
        </View>
      ) : null}
      <View className="lane__actions">
        <Button
          type="default"
          size="large"
          className="lane__button js-trip-view-receipt"
          ariaRole="button"
          onClick={() => openReceipt(trip.transactionId)}
        >
          {t('trip.viewReceipt')}
        </Button>
        <Button
          type="primary"
          size="large"
          className="lane__button lane__button--main js-trip-again"
          ariaRole="button"
          onClick={onAgain}
        >
          {t('trip.again')}
        </Button>
      </View>
    </View>
  );
}

function TripBody({ card, onPaid }: { card: BoundCard; onPaid: () => Promise<void> }) {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const currency = card.balance.currency;

  const pay = async (segmentId: string) => {
    setBusy(segmentId);
    setError(null);
    try {
      const reply = await request('createTrip', { lang, params: { id: card.id }, body: { segmentId } });
      setOutcome({ kind: 'paid', reply });
      await onPaid();
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === 'INSUFFICIENT_BALANCE') setOutcome({ kind: 'declined', error: apiError, segmentId });
      else setError(apiError);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="js-trip">
      <View className="panel trip-card">
        <View className="trip-card__main">
          <View className="trip-card__title">
            <Text className="trip-card__name">{CARDS[card.type].name[lang]}</Text>
            {card.sample ? <SampleTag /> : null}
          </View>
          <Text className="trip-card__number">{card.numberMasked}</Text>
        </View>
        <View className="trip-card__side">
          <View className="trip-card__balance-head">
            <SimulationBadge />
            <Text className="trip-card__balance-label">{t('trip.balance')}</Text>
          </View>
          <Text className="trip-card__balance js-trip-card-balance">{formatMoney(card.balance)}</Text>
        </View>
      </View>

      {outcome ? (
        <TripOutcome outcome={outcome} card={card} onAgain={() => setOutcome(null)} />
      ) : (
        <>
          <View className="trip-sample js-trip-sample-label">
            <Text className="trip-sample__tag">{t('app.simulationBadge')}</Text>
            <Text className="trip-sample__text">{t('trip.sampleLabel')}</Text>
          </View>
          <Text className="trip-intro">{t('trip.intro')}</Text>
          {error ? (
            <View className="trip-error js-trip-error" ariaRole="alert">
              {error.message}
            </View>
          ) : null}
          <View className="panel trip-segments js-trip-segments">
            {TOLL_SEGMENTS[card.type].map((segment) => {
              const fee = formatMoney({ amountMinor: segment.feeMinor, currency });
              return (
                <View key={segment.id} className={`trip-segment js-segment js-segment-${segment.id}`}>
                  <View className="trip-segment__text">
                    <Text className="trip-segment__name">{segment.name[lang]}</Text>
                    <Text className="trip-segment__fee js-segment-fee">
                      {t('trip.fee')} {fee}
                    </Text>
                  </View>
                  <Button
                    type="primary"
                    size="small"
                    loading={busy === segment.id}
                    disabled={busy !== null}
                    className="trip-segment__pay js-segment-pay"
                    ariaRole="button"
                    ariaLabel={t('trip.payLabel', { segment: segment.name[lang], fee })}
                    onClick={() => void pay(segment.id)}
                  >
                    {t('trip.pay')}
                  </Button>
                </View>
              );
            })}
          </View>
        </>
      )}
    </View>
  );
}

/** 模拟通行: pay a sample segment's toll from the card's simulated balance. */
export default function TripPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  usePageTitle(t('trip.title'));
  const card = useRouteCard();
  useRefreshOnShow(() => void card.query.reload());

  return (
    <View className={`page trip-page js-page-trip ${textSize}`}>
      <RouteCardBody card={card}>
        {(loaded) =>
          loaded.verification === 'verified' ? (
            <TripBody card={loaded} onPaid={card.query.reload} />
          ) : (
            <View className="panel trip-unverified js-trip-unverified">
              <Text>{t('trip.notVerified')}</Text>
            </View>
          )
        }
      </RouteCardBody>
      <SimulationNotice />
    </View>
  );
}
