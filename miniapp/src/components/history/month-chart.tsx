import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, formatMoneyShort, type BoundCard } from '@cbc/shared';
import { useCachedQuery } from '../../api';
import { useI18n } from '../../i18n';
import { formatMonth } from './format';
import { chartMonths } from './months';

/**
 * The last six months' money in and out of one card, as pairs of bars drawn with plain views (no
 * chart library: the weapp main package stays small). Figures come from one month-totals call.
 */
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

export function MonthChart({ card, refreshKey }: { card: BoundCard; refreshKey: number }) {
  const { lang, t } = useI18n();
  // Recomputed each render: a chart left open into a new month asks for the new six.
  const months = chartMonths();
  const query = useCachedQuery('getMonthTotals', { params: { id: card.id }, query: { months: months.join(',') } });
  const { reload } = query;
  // Pull to refresh and coming back to the tab ask again (refreshKey counts them).
  const refreshSeen = useRef(refreshKey);
  useEffect(() => {
    if (refreshSeen.current === refreshKey) return;
    refreshSeen.current = refreshKey;
    void reload();
  }, [refreshKey, reload]);
  const rows = (query.data?.months ?? []).map((row) => ({
    month: row.month,
    in: row.totalIn.amountMinor,
    out: row.totalOut.amountMinor,
  }));
  const state = query.data ? 'ready' : query.status;

  const currency = card.balance.currency;
  const top = Math.max(1, ...rows.flatMap((row) => [row.in, row.out]));
  const empty = rows.every((row) => row.in === 0 && row.out === 0);

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
      {state === 'loading' ? <ChartSpace /> : null}
      {state === 'error' ? (
        <View className="history-chart__error js-chart-error">
          <Text>{query.error?.message}</Text>
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
