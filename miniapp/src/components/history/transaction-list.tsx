import { Text, View } from '@tarojs/components';
import { CARDS, formatMoney, type Currency, type Transaction } from '@cbc/shared';
import { useI18n } from '../../i18n';
import { Joined } from '../joined';
import { formatHomeDateTime, formatMonth, monthOf, signedMoney } from './format';
import type { MonthFigures } from './use-month-totals';
import type { MoreState } from './use-transaction-pages';

/** A language-free mark per kind (the label is read out through the row's aria-label). */
const KIND_MARKS: Record<Transaction['kind'], string> = { topup: '+', bonus: '★', trip: '→' };

interface MonthGroup {
  month: string;
  entries: Transaction[];
  /** Per currency (all cards may mix CNY and HKD): money in and money out, both as positive sums. */
  totals: Map<Currency, { in: number; out: number }>;
}

/** The months (UTC+8) the entries fall in, newest first. */
export function monthsOf(entries: readonly Transaction[]): string[] {
  return [...new Set(entries.map((entry) => monthOf(entry.createdAt)))];
}

function groupByMonth(entries: readonly Transaction[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const entry of entries) {
    const month = monthOf(entry.createdAt);
    let group = groups[groups.length - 1];
    if (!group || group.month !== month) {
      group = { month, entries: [], totals: new Map() };
      groups.push(group);
    }
    group.entries.push(entry);
    const { amountMinor, currency } = entry.amount;
    const sums = group.totals.get(currency) ?? { in: 0, out: 0 };
    if (amountMinor >= 0) sums.in += amountMinor;
    else sums.out -= amountMinor;
    group.totals.set(currency, sums);
  }
  return groups;
}

function MonthTotals({ group, partial, exact }: { group: MonthGroup; partial: boolean; exact?: MonthFigures }) {
  const { t } = useI18n();
  // The month's whole figures when they came; else what the loaded entries add up to, marked partial.
  const lines =
    exact?.map(({ totalIn, totalOut }) => ({
      totalIn,
      totalOut: { ...totalOut, amountMinor: Math.abs(totalOut.amountMinor) },
    })) ??
    [...group.totals.entries()].map(([currency, sums]) => ({
      totalIn: { amountMinor: sums.in, currency },
      totalOut: { amountMinor: sums.out, currency },
    }));
  return (
    <View className="history-month__totals js-month-totals">
      {lines.map(({ totalIn, totalOut }) => (
        <View key={totalIn.currency} className="history-month__total-line">
          <Text className="history-month__in">{t('history.monthIn', { amount: formatMoney(totalIn) })}</Text>
          <Text className="history-month__out">{t('history.monthOut', { amount: formatMoney(totalOut) })}</Text>
        </View>
      ))}
      {partial && !exact ? <Text className="history-month__partial">{t('history.monthPartial')}</Text> : null}
    </View>
  );
}

function EntryRow({ entry, showCard, onOpen }: { entry: Transaction; showCard: boolean; onOpen: () => void }) {
  const { lang } = useI18n();
  const time = formatHomeDateTime(lang, entry.createdAt);
  const amount = signedMoney(entry.amount);
  return (
    <View
      className={`history-entry js-entry js-entry-${entry.kind}`}
      // No aria-label: the row's own words (title, time, amount) are its name, as a sighted reader sees them.
      ariaRole="button"
      onClick={onOpen}
    >
      {/* The mark stays beside the words: where the row wraps, the amount goes under them instead. */}
      <View className="history-entry__lead">
        <View className={`history-entry__mark history-entry__mark--${entry.kind}`} ariaHidden>
          {KIND_MARKS[entry.kind]}
        </View>
        <View className="history-entry__text">
          <Text className="history-entry__title js-entry-title">{entry.title}</Text>
          <Joined
            className="history-entry__meta"
            parts={
              showCard ? [time, `${CARDS[entry.cardType].name[lang]} ${entry.cardNumberMasked.slice(-4)}`] : [time]
            }
          />
        </View>
      </View>
      <Text className={`history-entry__amount js-entry-amount${entry.amount.amountMinor > 0 ? ' is-in' : ' is-out'}`}>
        {amount}
      </Text>
    </View>
  );
}

interface ListProps {
  entries: readonly Transaction[];
  more: MoreState;
  showCard: boolean;
  onOpen: (entry: Transaction) => void;
  onLoadMore: () => void;
  /** Month headings with totals (off on a statement, whose figures are the month's already). */
  monthHeads?: boolean;
  /** Exact totals by month (one card's or all cards'); without them the loaded entries are summed. */
  monthFigures?: Record<string, MonthFigures>;
}

/** Entries grouped by month (UTC+8), newest first, each month with its totals in and out. */
export function TransactionList({
  entries,
  more,
  showCard,
  onOpen,
  onLoadMore,
  monthHeads = true,
  monthFigures = {},
}: ListProps) {
  const { t } = useI18n();
  const groups = groupByMonth(entries);
  return (
    <View className="history-list js-history-list">
      {groups.map((group, index) => (
        <View key={group.month} className={`panel history-month js-month js-month-${group.month}`}>
          {monthHeads ? (
            <View className="history-month__head">
              <MonthHeading month={group.month} />
              <MonthTotals
                group={group}
                partial={index === groups.length - 1 && more !== 'end'}
                exact={monthFigures[group.month]}
              />
            </View>
          ) : null}
          {group.entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} showCard={showCard} onOpen={() => onOpen(entry)} />
          ))}
        </View>
      ))}
      {monthHeads || more !== 'end' ? (
        <View className="history-more js-history-more">
          {more === 'end' ? <Text className="history-more__end js-history-end">{t('history.end')}</Text> : null}
          {more === 'loading' ? <Text className="history-more__loading">{t('history.loadingMore')}</Text> : null}
          {more === 'idle' || more === 'error' ? (
            <View className="history-more__button js-load-more" ariaRole="button" onClick={onLoadMore}>
              {more === 'error' ? `${t('history.moreError')} · ${t('state.retry')}` : t('history.loadMore')}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function MonthHeading({ month }: { month: string }) {
  const { lang } = useI18n();
  return <Text className="history-month__title">{formatMonth(lang, month)}</Text>;
}
