import { View } from '@tarojs/components';
import { useCachedQuery } from '../../api';
import { useSession } from '../../auth';
import {
  chartScopeOf,
  HistoryFilterBar,
  HistoryViewBody,
  MonthChart,
  MonthChartPlaceholder,
  NO_FILTERS,
  useHistoryView,
} from '../../components/history';
import { LoginPrompt } from '../../components/login-prompt';
import { SimulationNotice } from '../../components/notices';
import { useI18n } from '../../i18n';
import { useTextSizeClass } from '../../settings';
import { openCards } from '../../utils/navigation';
import { usePageTitle } from '../../utils/use-page-title';
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
  const cards = useCachedQuery('listCards', {});
  const view = useHistoryView({ initialFilters: NO_FILTERS, enabled: loggedIn, alsoReload: cards.reload });
  const { filters, setFilters } = view;

  if (!loggedIn) {
    return (
      <View className={`page history js-page-history ${textSize}`}>
        <LoginPrompt title={t('history.loginTitle')} body={t('history.loginBody')} />
        <SimulationNotice />
      </View>
    );
  }

  const cardList = cards.data?.cards ?? [];
  const chartScope = chartScopeOf(cardList, filters.cardId);

  return (
    <View className={`page history js-page-history ${textSize}`}>
      {chartScope ? (
        <MonthChart scope={chartScope} refreshKey={view.refreshKey} />
      ) : cards.status === 'loading' ? (
        <MonthChartPlaceholder />
      ) : null}
      <HistoryFilterBar filters={filters} onChange={setFilters} cards={cardList} />
      <HistoryViewBody
        view={view}
        showCard={filters.cardId === null}
        next={{ label: t('me.cards'), onClick: openCards }}
      />
      <SimulationNotice />
    </View>
  );
}
