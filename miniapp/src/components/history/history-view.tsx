import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { LoadFailed, LoadingSkeleton } from '../query-states';
import { useWaysBack } from '../query-states/use-ways-back';
import { openReceipt } from '../../utils/navigation';
import { useRefreshOnShow } from '../../utils/use-show-refresh';
import { HistoryEmpty } from './states';
import { monthsOf, TransactionList } from './transaction-list';
import { useMonthTotals, type MonthFigures } from './use-month-totals';
import { NO_FILTERS, useTransactionPages, type HistoryFilters, type TransactionPages } from './use-transaction-pages';

export interface HistoryView {
  filters: HistoryFilters;
  setFilters: (filters: HistoryFilters) => void;
  /** A kind or a date is chosen (the card alone is a scope, not a filter). */
  filtered: boolean;
  pages: TransactionPages;
  monthFigures: Record<string, MonthFigures>;
  /** Grows at every refresh: the chart and the month totals fetch again. */
  refreshKey: number;
}

/**
 * What both history pages (记录, and one card's 交易记录) do with their list: filters, cursor pages,
 * each month's totals, and a refresh when the page shows again (back from a trip, a top-up or another
 * tab), on pull-down, and the next page at the bottom. `alsoReload` is what else the page shows.
 */
export function useHistoryView(options: {
  initialFilters: HistoryFilters;
  enabled: boolean;
  alsoReload: () => Promise<void>;
}): HistoryView {
  const { initialFilters, enabled, alsoReload } = options;
  const [filters, setFilters] = useState(initialFilters);
  const [refreshKey, setRefreshKey] = useState(0);
  const pages = useTransactionPages(filters, enabled);
  const filtered = filters.kind !== 'all' || filters.from !== null || filters.to !== null;
  // No kind or date filter: each month's totals come whole from the server, for one card or all of them.
  const monthFigures = useMonthTotals(
    enabled && !filtered ? (filters.cardId ? { cardId: filters.cardId } : 'all-cards') : null,
    monthsOf(pages.entries),
    refreshKey,
  );

  const refresh = async () => {
    setRefreshKey((n) => n + 1);
    await Promise.all([pages.reload(), alsoReload()]);
  };
  useRefreshOnShow(() => void refresh());
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void pages.loadMore());

  return { filters, setFilters, filtered, pages, monthFigures, refreshKey };
}

/**
 * The list as it stands: loading; failed (a retry, or back to the cards when its card is gone); empty
 * (clear the filters, or the page's next step, `next`); or the entries by month, each opening its receipt.
 */
export function HistoryViewBody(props: {
  view: HistoryView;
  /** Each entry names its card (the list spans several). */
  showCard: boolean;
  next: { label: string; onClick: () => void };
}) {
  const { view, showCard, next } = props;
  const back = useWaysBack();
  const { pages, filters, setFilters } = view;
  if (pages.status === 'loading') return <LoadingSkeleton count={2} rows={4} />;
  // A 404 is the card the list is about, gone (unbound, perhaps on another device).
  if (pages.status === 'error') {
    return <LoadFailed error={pages.error} onRetry={() => void pages.reload()} back={back.cards} />;
  }
  if (pages.entries.length === 0) {
    return (
      <HistoryEmpty
        filtered={view.filtered}
        onClear={() => setFilters({ ...NO_FILTERS, cardId: filters.cardId })}
        onNext={next.onClick}
        nextLabel={next.label}
      />
    );
  }
  return (
    <TransactionList
      entries={pages.entries}
      more={pages.more}
      showCard={showCard}
      monthFigures={view.monthFigures}
      onOpen={(entry) => openReceipt(entry.id)}
      onLoadMore={() => void pages.loadMore()}
    />
  );
}
