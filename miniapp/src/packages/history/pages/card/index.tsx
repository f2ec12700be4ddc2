import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '../../../../components/button';
import { CARDS, formatMoney } from '@cbc/shared';
import { z } from 'zod';
import { toApiError, useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import {
  HistoryFilterBar,
  HistoryViewBody,
  NO_FILTERS,
  todayInHomeZone,
  useHistoryView,
} from '../../../../components/history';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { BrokenLink, LoadFailed } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { formatDate, useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openStatement, openTrip } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
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
  const back = useWaysBack();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const card = useCachedQuery('getCard', id.success ? { params: { id: id.data } } : null);
  const view = useHistoryView({
    initialFilters: { ...NO_FILTERS, cardId: id.success ? id.data : null },
    enabled: loggedIn && id.success,
    alsoReload: card.reload,
  });
  const { filters, setFilters } = view;

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
        <BrokenLink hint={t('state.badCardLink')} back={back.cards} />
      </View>
    );
  }

  if (card.error?.status === 404) {
    // Unbound, perhaps on another device: no statement or export to offer either.
    return (
      <View className={`page card-history js-page-card-history ${textSize}`}>
        <LoadFailed error={card.error} onRetry={() => void card.reload()} back={back.cards} />
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
      <HistoryViewBody
        view={view}
        showCard={false}
        next={{ label: t('cardDetail.trip'), onClick: () => openTrip(id.data) }}
      />
      <SimulationNotice />
    </View>
  );
}
