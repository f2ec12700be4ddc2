import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, formatMoneyShort, type BoundCard } from '@cbc/shared';
import { request, toApiError } from '../../api';
import { useI18n } from '../../i18n';
import { formatMonth, shiftMonth, todayInHomeZone } from './format';

type ChartState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; months: { month: string; in: number; out: number }[] };

/**
 * The last six months' money in and out of one card, as pairs of bars drawn with plain views (no
 * chart library: the weapp main package stays small). Figures come from one month-totals call.
 */
/** The scale line and the bars' height, held empty: the list under the chart does not jump when they fill. */
function ChartSpace() {
  return (
    <>
      <Text className="history-chart__scale">{'\u00a0'}</Text>
      <View className="history-chart__placeholder" />
    </>
  );
}

/**
 * The chart's frame while the cards (and so which card it shows) are still loading: the same height
 * as the chart, so the filters and the list below stay where they will be.
 */
export function MonthChartPlaceholder() {
  const { t } = useI18n();
  return (
    <View className="panel history-chart js-history-chart-placeholder" ariaHidden>
      <View className="history-chart__head">
        <Text className="history-chart__title">{t('history.chartTitle')}</Text>
        <Text className="history-chart__card">{'\u00a0'}</Text>
      </View>
      <View className="history-chart__legend">
        <View className="history-chart__key history-chart__key--in" />
        <Text className="history-chart__legend-text">{t('history.chartIn')}</Text>
        <View className="history-chart__key history-chart__key--out" />
        <Text className="history-chart__legend-text">{t('history.chartOut')}</Text>
      </View>
      <ChartSpace />
    </View>
  );
}

export function MonthChart({ card, refreshKey }: { card: BoundCard; refreshKey: number }) {
  const { lang, t } = useI18n();
  const [state, setState] = useState<ChartState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const thisMonth = todayInHomeZone().slice(0, 7);
    const months = [5, 4, 3, 2, 1, 0].map((back) => shiftMonth(thisMonth, -back));
    request('getMonthTotals', { lang, params: { id: card.id }, query: { months: months.join(',') } }).then(
      (totals) =>
        live &&
        setState({
          status: 'ready',
          months: totals.months.map((row) => ({
            month: row.month,
            in: row.totalIn.amountMinor,
            out: row.totalOut.amountMinor,
          })),
        }),
      (caught: unknown) => live && setState({ status: 'error', message: toApiError(caught).message }),
    );
    return () => {
      live = false;
    };
  }, [card.id, lang, refreshKey, attempt]);

  const currency = card.balance.currency;
  const top = state.status === 'ready' ? Math.max(1, ...state.months.flatMap((row) => [row.in, row.out])) : 1;
  const empty = state.status === 'ready' && state.months.every((row) => row.in === 0 && row.out === 0);

  return (
    <View className="panel history-chart js-history-chart">
      <View className="history-chart__head">
        <Text className="history-chart__title">{t('history.chartTitle')}</Text>
        <Text className="history-chart__card">
          {t('history.chartCard', {
            card: `${CARDS[card.type].name[lang]} ${card.numberMasked.slice(-4)}`,
            currency: t(`currency.${currency}`),
          })}
        </Text>
      </View>
      <View className="history-chart__legend">
        <View className="history-chart__key history-chart__key--in" />
        <Text className="history-chart__legend-text">{t('history.chartIn')}</Text>
        <View className="history-chart__key history-chart__key--out" />
        <Text className="history-chart__legend-text">{t('history.chartOut')}</Text>
      </View>
      {state.status === 'loading' ? <ChartSpace /> : null}
      {state.status === 'error' ? (
        <View className="history-chart__error js-chart-error">
          <Text>{state.message}</Text>
          <View
            className="history-chart__retry js-chart-retry"
            ariaRole="button"
            onClick={() => setAttempt((n) => n + 1)}
          >
            {t('state.retry')}
          </View>
        </View>
      ) : null}
      {state.status === 'ready' ? (
        <Text className="history-chart__scale">
          {empty ? t('history.chartEmpty') : formatMoneyShort({ amountMinor: top, currency })}
        </Text>
      ) : null}
      {state.status === 'ready' ? (
        <View className="history-chart__bars">
          {state.months.map((row) => (
            <View
              key={row.month}
              className="history-chart__month js-chart-month"
              ariaLabel={`${formatMonth(lang, row.month)} ${t('history.chartIn')} ${formatMoney({ amountMinor: row.in, currency })} ${t('history.chartOut')} ${formatMoney({ amountMinor: row.out, currency })}`}
            >
              <View className="history-chart__pair">
                <View
                  className="history-chart__bar history-chart__bar--in"
                  style={{ height: `${Math.round((row.in / top) * 100)}%` }}
                />
                <View
                  className="history-chart__bar history-chart__bar--out"
                  style={{ height: `${Math.round((row.out / top) * 100)}%` }}
                />
              </View>
              <Text className="history-chart__label">
                {formatMonth(lang, row.month).replace(/^\d{4}年|\s*\d{4}$/g, '')}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
