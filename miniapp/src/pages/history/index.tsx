import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCachedQuery } from '../../api';
import { useSession } from '../../auth';
import {
  chartScopeOf,
  HistoryEmpty,
  HistoryFilterBar,
  MonthChart,
  MonthChartPlaceholder,
  monthsOf,
  NO_FILTERS,
  TransactionList,
  useMonthTotals,
  useTransactionPages,
  type HistoryFilters,
} from '../../components/history';
import { LoginPrompt } from '../../components/login-prompt';
import { SimulationNotice } from '../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../components/query-states';
import { useI18n } from '../../i18n';
import { useTextSizeClass } from '../../settings';
import { openCards, openReceipt } from '../../utils/navigation';
import { usePageTitle } from '../../utils/use-page-title';
import { useRefreshOnShow } from '../../utils/use-show-refresh';
import { useTabBarLabels } from '../../utils/use-tab-bar-labels';

/**
 * 记录: every transaction of all cards (or one), newest first, grouped by month with totals; filters,
 * infinite scroll with the cursor, pull-to-refresh, a six-month chart; an entry opens its receipt.
 */
export default function HistoryPage() {
  const { t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  usePageTitle(t('history.title'));
  useTabBarLabels();
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [refreshKey, setRefreshKey] = useState(0);
  const cards = useCachedQuery('listCards', {});
  const pages = useTransactionPages(filters, loggedIn);
  const unfiltered = filters.kind === 'all' && filters.from === null && filters.to === null;
  // No kind or date filter: each month's totals come whole from the server, for one card or all of them.
  const monthFigures = useMonthTotals(
    unfiltered ? (filters.cardId ? { cardId: filters.cardId } : 'all-cards') : null,
    monthsOf(pages.entries),
    refreshKey,
  );

  const refresh = async () => {
    setRefreshKey((n) => n + 1);
    await Promise.all([pages.reload(), cards.reload()]);
  };
  // Back from a trip, a top-up or another tab: new entries may be there.
  useRefreshOnShow(() => void refresh());
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void pages.loadMore());

  if (!loggedIn) {
    return (
      <View className={`page history js-page-history ${textSize}`}>
        <LoginPrompt title={t('history.loginTitle')} body={t('history.loginBody')} />
        <SimulationNotice />
      </View>
    );
  }

  const cardList = cards.data?.cards ?? [];
  const filtered = filters.kind !== 'all' || filters.from !== null || filters.to !== null;
  const chartScope = chartScopeOf(cardList, filters.cardId);

  let body;
  if (pages.status === 'loading') {
    body = <LoadingSkeleton count={2} rows={4} />;
  } else if (pages.status === 'error') {
    body = <ErrorState error={pages.error} onRetry={() => void pages.reload()} />;
  } else if (pages.entries.length === 0) {
    body = (
      <HistoryEmpty
        filtered={filtered}
        onClear={() => setFilters({ ...NO_FILTERS, cardId: filters.cardId })}
        onNext={openCards}
        nextLabel={t('me.cards')}
      />
    );
  } else {
    body = (
      <TransactionList
        entries={pages.entries}
        more={pages.more}
        showCard={filters.cardId === null}
        monthFigures={monthFigures}
        onOpen={(entry) => openReceipt(entry.id)}
        onLoadMore={() => void pages.loadMore()}
      />
    );
  }

  return (
    <View className={`page history js-page-history ${textSize}`}>
      {chartScope ? (
        <MonthChart scope={chartScope} refreshKey={refreshKey} />
      ) : cards.status === 'loading' ? (
        <MonthChartPlaceholder />
      ) : null}
      <HistoryFilterBar filters={filters} onChange={setFilters} cards={cardList} />
      {body}
      <SimulationNotice />
    </View>
  );
}
