import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, formatMoneyShort, type BoundCard, type Currency } from '@cbc/shared';
import { useCachedQuery } from '../../api';
import { useI18n, type I18n } from '../../i18n';
import { Joined } from '../joined';
import { formatMonth } from './format';
import { chartMonths, type ChartScope } from './months';

/** The scale line and the bars' height, held empty: the list under the chart does not jump when they fill. */
function ChartSpace() {
  return (
    <>
      <Text className="history-chart__scale">{'\u00a0'}</Text>
      <View className="history-chart__placeholder js-chart-loading" />
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

interface ChartRow {
  month: string;
  in: number;
  out: number;
}

/** The six months' figures and the state of the call that brings them, for one scope. */
interface ChartData {
  rows: ChartRow[];
  state: 'loading' | 'error' | 'ready';
  error: string | undefined;
  reload: () => Promise<unknown>;
}

/** Asks again on pull to refresh and on coming back to the tab (refreshKey counts them). */
function useReloadOnRefresh(refreshKey: number, reload: () => Promise<unknown>) {
  const refreshSeen = useRef(refreshKey);
  useEffect(() => {
    if (refreshSeen.current === refreshKey) return;
    refreshSeen.current = refreshKey;
    void reload();
  }, [refreshKey, reload]);
}

/** One card's six months. */
function useCardMonths(card: BoundCard, months: readonly string[], refreshKey: number): ChartData {
  const query = useCachedQuery('getMonthTotals', { params: { id: card.id }, query: { months: months.join(',') } });
  useReloadOnRefresh(refreshKey, query.reload);
  const rows = (query.data?.months ?? []).map((row) => ({
    month: row.month,
    in: row.totalIn.amountMinor,
    out: row.totalOut.amountMinor,
  }));
  return { rows, state: query.data ? 'ready' : query.status, error: query.error?.message, reload: query.reload };
}

/** All cards' six months, the line of one currency (a month without it moving is zero). */
function useAllCardsMonths(currency: Currency, months: readonly string[], refreshKey: number): ChartData {
  const query = useCachedQuery('getAllMonthTotals', { query: { months: months.join(',') } });
  useReloadOnRefresh(refreshKey, query.reload);
  const rows = (query.data?.months ?? []).map((row) => {
    const line = row.totals.find((totals) => totals.totalIn.currency === currency);
    return { month: row.month, in: line?.totalIn.amountMinor ?? 0, out: line?.totalOut.amountMinor ?? 0 };
  });
  return { rows, state: query.data ? 'ready' : query.status, error: query.error?.message, reload: query.reload };
}

/** The chart of one card (the list is filtered on it). */
function CardMonthChart({ scope, refreshKey }: { scope: ChartScope<BoundCard>; refreshKey: number }) {
  // Recomputed each render: a chart left open into a new month asks for the new six.
  const data = useCardMonths(scope.card, chartMonths(), refreshKey);
  return <ChartFrame scope={scope} data={data} />;
}

/** The chart of all cards in the default card's currency (no card filter). */
function AllCardsMonthChart({ scope, refreshKey }: { scope: ChartScope<BoundCard>; refreshKey: number }) {
  const data = useAllCardsMonths(scope.card.balance.currency, chartMonths(), refreshKey);
  return <ChartFrame scope={scope} data={data} />;
}

/**
 * The last six months' money in and out of one card or of all cards in one currency, as pairs of bars
 * drawn with plain views (no chart library: the weapp main package stays small). Figures come from one
 * month-totals call.
 */
export function MonthChart({ scope, refreshKey }: { scope: ChartScope<BoundCard>; refreshKey: number }) {
  // Two components, as each asks its own endpoint: switching the filter swaps one for the other.
  return scope.allCards ? (
    <AllCardsMonthChart scope={scope} refreshKey={refreshKey} />
  ) : (
    <CardMonthChart scope={scope} refreshKey={refreshKey} />
  );
}

/** Whose figures the chart shows, named in its head: the cards, then the currency. */
function chartLabel(scope: ChartScope<BoundCard>, { lang, t }: Pick<I18n, 'lang' | 't'>): string[] {
  const { card, covers } = scope;
  const currency = t(`currency.${card.balance.currency}`);
  const cardName = CARDS[card.type].name[lang];
  if (covers === 'all') return [t('history.allCards'), currency];
  if (covers === 'type') return [t('history.allOfType', { card: cardName }), currency];
  return [`${cardName} ${card.numberMasked.slice(-4)}`, currency];
}

function ChartFrame({ scope, data }: { scope: ChartScope<BoundCard>; data: ChartData }) {
  const { lang, t } = useI18n();
  const { rows, state, reload } = data;
  const currency = scope.card.balance.currency;
  const top = Math.max(1, ...rows.flatMap((row) => [row.in, row.out]));
  const empty = rows.every((row) => row.in === 0 && row.out === 0);

  return (
    <View className="panel history-chart js-history-chart">
      <View className="history-chart__head">
        <Text className="history-chart__title">{t('history.chartTitle')}</Text>
        <Joined className="history-chart__card js-chart-label" parts={chartLabel(scope, { lang, t })} />
      </View>
      <View className="history-chart__legend">
        <View className="history-chart__key history-chart__key--in" />
        <Text className="history-chart__legend-text">{t('history.chartIn')}</Text>
        <View className="history-chart__key history-chart__key--out" />
        <Text className="history-chart__legend-text">{t('history.chartOut')}</Text>
      </View>
      {state === 'loading' ? <ChartSpace /> : null}
      {state === 'error' ? (
        <View className="history-chart__error js-chart-error">
          <Text>{data.error}</Text>
          <View className="history-chart__retry js-chart-retry" ariaRole="button" onClick={() => void reload()}>
            {t('state.retry')}
          </View>
        </View>
      ) : null}
      {state === 'ready' ? (
        <Text className="history-chart__scale">
          {empty
            ? t('history.chartEmpty')
            : // Named as the scale's top, which it is: alone it read as the last month's figure.
              t('history.chartScale', { amount: formatMoneyShort({ amountMinor: top, currency }) })}
        </Text>
      ) : null}
      {state === 'ready' ? (
        <View className="history-chart__bars">
          {rows.map((row) => (
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
