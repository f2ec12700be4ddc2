import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CARDS, formatMoney } from '@cbc/shared';
import { z } from 'zod';
import { toApiError, useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import {
  HistoryEmpty,
  HistoryFilterBar,
  monthsOf,
  NO_FILTERS,
  todayInHomeZone,
  TransactionList,
  useMonthTotals,
  useTransactionPages,
  type HistoryFilters,
} from '../../../../components/history';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { ErrorState, LoadingSkeleton } from '../../../../components/query-states';
import { formatDate, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openReceipt, openStatement, openTrip } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import { useRefreshOnShow } from '../../../../utils/use-show-refresh';
import { exportCsv } from '../../components/export-csv';
import '../../components/history.scss';

const cardIdParam = z.uuid();

/** One card's transactions (card detail → 交易记录), with its monthly statement and the CSV export. */
export default function CardHistoryPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const id = cardIdParam.safeParse(router.params.id);
  usePageTitle(t('history.cardTitle'));
  const [filters, setFilters] = useState<HistoryFilters>({ ...NO_FILTERS, cardId: id.success ? id.data : null });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const card = useCachedQuery('getCard', id.success ? { params: { id: id.data } } : null);
  const pages = useTransactionPages(filters, loggedIn && id.success);
  const [refreshKey, setRefreshKey] = useState(0);
  const unfiltered = filters.kind === 'all' && filters.from === null && filters.to === null;
  // No kind or date filter: each month's totals come whole from the server.
  const monthFigures = useMonthTotals(
    unfiltered && filters.cardId ? { cardId: filters.cardId } : null,
    monthsOf(pages.entries),
    refreshKey,
  );

  const refresh = () => {
    setRefreshKey((n) => n + 1);
    return Promise.all([pages.reload(), card.reload()]);
  };
  useRefreshOnShow(() => void refresh());
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void pages.loadMore());

  if (!loggedIn) {
    return (
      <View className={`page card-history js-page-card-history ${textSize}`}>
        <LoginPrompt title={t('history.loginTitle')} body={t('history.loginBody')} />
      </View>
    );
  }
  if (!id.success) {
    return (
      <View className={`page card-history js-page-card-history ${textSize}`}>
        <ErrorState error={null} />
      </View>
    );
  }

  const runExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await exportCsv({ cardId: id.data, from: filters.from, to: filters.to, lang });
      void Taro.showToast({ title: t('history.exported'), icon: 'success' });
    } catch (caught) {
      setExportError(toApiError(caught).message);
    } finally {
      setExporting(false);
    }
  };

  const range =
    filters.from || filters.to
      ? `${filters.from ? formatDate(lang, filters.from) : '…'} – ${filters.to ? formatDate(lang, filters.to) : '…'}`
      : t('history.exportAll');
  const filtered = filters.kind !== 'all' || filters.from !== null || filters.to !== null;

  let body;
  if (pages.status === 'loading') {
    body = <LoadingSkeleton count={2} rows={4} />;
  } else if (pages.status === 'error') {
    body = <ErrorState error={pages.error} onRetry={() => void pages.reload()} />;
  } else if (pages.entries.length === 0) {
    body = (
      <HistoryEmpty
        filtered={filtered}
        onClear={() => setFilters({ ...NO_FILTERS, cardId: id.data })}
        onNext={() => openTrip(id.data)}
        nextLabel={t('cardDetail.trip')}
      />
    );
  } else {
    body = (
      <TransactionList
        entries={pages.entries}
        more={pages.more}
        showCard={false}
        monthFigures={monthFigures}
        onOpen={(entry) => openReceipt(entry.id)}
        onLoadMore={() => void pages.loadMore()}
      />
    );
  }

  return (
    <View className={`page card-history js-page-card-history ${textSize}`}>
      {card.data ? (
        <View className="panel history-card">
          <View className="history-card__main">
            <Text className="history-card__name">{CARDS[card.data.type].name[lang]}</Text>
            <Text className="history-card__number">{card.data.numberMasked}</Text>
          </View>
          <View className="history-card__side">
            <SimulationBadge />
            <Text className="history-card__balance js-history-card-balance">{formatMoney(card.data.balance)}</Text>
          </View>
        </View>
      ) : null}
      <View className="history-actions">
        <Button
          type="default"
          size="large"
          className="history-actions__button js-open-statement"
          ariaRole="button"
          onClick={() => openStatement(id.data, todayInHomeZone().slice(0, 7))}
        >
          {t('history.statement')}
        </Button>
        <Button
          type="primary"
          size="large"
          loading={exporting}
          disabled={exporting}
          className="history-actions__button js-export-csv"
          ariaRole="button"
          onClick={() => void runExport()}
        >
          {exporting ? t('history.exporting') : t('history.export')}
        </Button>
      </View>
      <Text className="history-export-range js-export-range">{t('history.exportRange', { range })}</Text>
      {exportError ? (
        <View className="history-error js-export-error" ariaRole="alert">
          {exportError}
        </View>
      ) : null}
      <HistoryFilterBar filters={filters} onChange={setFilters} />
      {body}
      <SimulationNotice />
    </View>
  );
}
