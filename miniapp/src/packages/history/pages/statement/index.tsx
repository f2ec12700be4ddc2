import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CARDS, formatMoney, type Statement } from '@cbc/shared';
import { z } from 'zod';
import { useCachedQuery } from '../../../../api';
import { useSession } from '../../../../auth';
import { formatMonth, shiftMonth, signedMoney, todayInHomeZone, TransactionList } from '../../../../components/history';
import { LoginPrompt } from '../../../../components/login-prompt';
import { SimulationBadge, SimulationNotice } from '../../../../components/notices';
import { BrokenLink, LoadFailed, LoadingSkeleton } from '../../../../components/query-states';
import { useWaysBack } from '../../../../components/query-states/use-ways-back';
import { routeUrl } from '../../../../constants/routes';
import { useI18n } from '../../../../i18n';
import { useTextSizeClass } from '../../../../settings';
import { openReceipt } from '../../../../utils/navigation';
import { usePageTitle } from '../../../../utils/use-page-title';
import '../../components/history.scss';

const idParam = z.uuid();
const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

function Figure({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className="statement-figure">
      <Text className="statement-figure__label">{label}</Text>
      <Text className={`statement-figure__value ${className ?? ''}`}>{value}</Text>
    </View>
  );
}

function StatementBody({ statement }: { statement: Statement }) {
  const { lang, t } = useI18n();
  return (
    <View className="js-statement">
      <View className="panel history-card">
        <View className="history-card__main">
          <Text className="history-card__name">{CARDS[statement.cardType].name[lang]}</Text>
          <Text className="history-card__number">{statement.cardNumberMasked}</Text>
        </View>
        <SimulationBadge />
      </View>
      <View className="panel statement-figures">
        <Figure
          label={t('statement.opening')}
          value={formatMoney(statement.opening)}
          className="js-statement-opening"
        />
        <Figure
          label={t('statement.closing')}
          value={formatMoney(statement.closing)}
          className="js-statement-closing"
        />
        <Figure label={t('statement.in')} value={signedMoney(statement.totalIn)} className="is-in js-statement-in" />
        <Figure
          label={t('statement.out')}
          // Money out is shown as a subtraction, but nothing out is plain ¥0.00, not −¥0.00.
          value={signedMoney({ ...statement.totalOut, amountMinor: -Math.abs(statement.totalOut.amountMinor) })}
          className="js-statement-out"
        />
      </View>
      <Text className="statement-entries__title">{t('statement.entries')}</Text>
      {statement.transactions.length === 0 ? (
        <View className="panel">
          <Text className="statement-empty js-statement-empty">{t('statement.empty')}</Text>
        </View>
      ) : (
        <TransactionList
          entries={statement.transactions}
          more="end"
          monthHeads={false}
          showCard={false}
          onOpen={(entry) => openReceipt(entry.id)}
          onLoadMore={() => undefined}
        />
      )}
    </View>
  );
}

/** A card's monthly statement (UTC+8 month): opening, closing, in, out and every entry; month switcher. */
export default function StatementPage() {
  const { lang, t } = useI18n();
  const textSize = useTextSizeClass();
  const { loggedIn } = useSession();
  const router = useRouter();
  const id = idParam.safeParse(router.params.id);
  const thisMonth = todayInHomeZone().slice(0, 7);
  const parsedMonth = monthParam.safeParse(router.params.month);
  const month = parsedMonth.success ? parsedMonth.data : thisMonth;
  usePageTitle(t('statement.title'));
  const back = useWaysBack();
  const query = useCachedQuery('getStatement', id.success ? { params: { id: id.data, month } } : null);

  // Each month is its own page state: switching replaces this page (Back still leads to the history).
  const go = (delta: number) => {
    if (!id.success) return;
    void Taro.redirectTo({ url: routeUrl('statement', { id: id.data, month: shiftMonth(month, delta) }) });
  };
  const atLatest = month >= thisMonth;

  let body;
  if (!loggedIn) {
    body = <LoginPrompt title={t('history.loginTitle')} body={t('history.loginBody')} />;
  } else if (!id.success) {
    body = <BrokenLink hint={t('state.badCardLink')} back={back.cards} />;
  } else if (query.status === 'loading') {
    body = <LoadingSkeleton count={2} rows={4} />;
  } else if (query.status === 'error' || !query.data) {
    body = <LoadFailed error={query.error} onRetry={() => void query.reload()} back={back.cards} />;
  } else {
    body = <StatementBody statement={query.data} />;
  }

  return (
    <View className={`page statement-page js-page-statement ${textSize}`}>
      <View className="statement-switch">
        <View
          className="statement-switch__step js-statement-prev"
          ariaRole="button"
          ariaLabel={t('statement.prev')}
          onClick={() => go(-1)}
        >
          <View className="statement-switch__arrow statement-switch__arrow--prev" />
        </View>
        <Text className="statement-switch__month js-statement-month">{formatMonth(lang, month)}</Text>
        <View
          className={`statement-switch__step js-statement-next${atLatest ? ' is-disabled' : ''}`}
          ariaRole="button"
          ariaLabel={t('statement.next')}
          aria-disabled={atLatest}
          onClick={atLatest ? undefined : () => go(1)}
        >
          <View className="statement-switch__arrow statement-switch__arrow--next" />
        </View>
      </View>
      {body}
      <SimulationNotice />
    </View>
  );
}
