import { Picker, Text, View } from '@tarojs/components';
import { CARDS, TRANSACTION_KINDS, type BoundCard, type TransactionKind } from '@cbc/shared';
import { ChoiceGroup } from '../choice-group';
import { formatDate, useI18n } from '../../i18n';
import { todayInHomeZone } from './format';
import type { HistoryFilters } from './use-transaction-pages';

interface Props {
  filters: HistoryFilters;
  onChange: (next: HistoryFilters) => void;
  /** The user's cards, for the card filter (omitted on one card's page). */
  cards?: readonly BoundCard[];
}

function DateField({
  label,
  value,
  start,
  end,
  testId,
  onPick,
}: {
  label: string;
  value: string | null;
  start?: string;
  end?: string;
  testId: string;
  onPick: (day: string) => void;
}) {
  const { lang, t } = useI18n();
  return (
    <Picker
      mode="date"
      // The browser build draws its own sheet: its buttons in the app's language.
      textProps={{ okText: t('common.confirm'), cancelText: t('common.cancel') }}
      value={value ?? todayInHomeZone()}
      start={start ?? '2020-01-01'}
      end={end ?? todayInHomeZone()}
      onChange={(event) => onPick(String(event.detail.value))}
    >
      <View className={`history-date js-${testId}${value ? ' is-set' : ''}`} ariaRole="button" ariaLabel={label}>
        <Text className="history-date__label">{label}</Text>
        {/* Unset, it says it can be picked: a bare dash read as a read-only value. */}
        <Text className={`history-date__value${value ? '' : ' is-placeholder'}`}>
          {value ? formatDate(lang, value) : t('history.anyDate')}
        </Text>
      </View>
    </Picker>
  );
}

/** Kind (all, top-up, bonus, trip), date range (UTC+8 days) and, on the History tab, the card. */
export function HistoryFilterBar({ filters, onChange, cards }: Props) {
  const { lang, t } = useI18n();
  const kinds = [
    { value: 'all' as const, label: t('history.kind.all') },
    ...TRANSACTION_KINDS.map((kind) => ({ value: kind, label: t(`history.kind.${kind}`) })),
  ];
  const cardOptions = cards?.length
    ? [
        { value: 'all', label: t('history.allCards') },
        ...cards.map((card) => ({
          value: card.id,
          label: CARDS[card.type].name[lang],
          sub: card.numberMasked.slice(-4),
        })),
      ]
    : [];
  // One row while it fits: two options, or three short (Chinese) names. Three English ones put the third
  // on a row alone.
  const cardsSideBySide =
    cardOptions.length <= 2 || (cardOptions.length === 3 && cardOptions.every((option) => option.label.length <= 6));
  return (
    <View className="panel history-filters js-history-filters">
      {cardOptions.length > 1 ? (
        <ChoiceGroup
          options={cardOptions}
          value={filters.cardId ?? 'all'}
          onChange={(value) => onChange({ ...filters, cardId: value === 'all' ? null : value })}
          testId="filter-card"
          layout={cardsSideBySide ? 'segmented' : 'grid'}
          label={t('history.cardFilterLabel')}
        />
      ) : null}
      <View className="history-filters__gap" />
      <ChoiceGroup<TransactionKind | 'all'>
        options={kinds}
        value={filters.kind}
        onChange={(kind) => onChange({ ...filters, kind })}
        testId="filter-kind"
        label={t('history.filterLabel')}
      />
      <View className="history-filters__dates">
        <DateField
          label={t('history.from')}
          value={filters.from}
          end={filters.to ?? undefined}
          testId="filter-from"
          onPick={(from) => onChange({ ...filters, from })}
        />
        <DateField
          label={t('history.to')}
          value={filters.to}
          start={filters.from ?? undefined}
          testId="filter-to"
          onPick={(to) => onChange({ ...filters, to })}
        />
        {filters.from || filters.to ? (
          <View
            className="history-filters__clear js-filter-clear-dates"
            ariaRole="button"
            onClick={() => onChange({ ...filters, from: null, to: null })}
          >
            {t('history.clearDates')}
          </View>
        ) : null}
      </View>
    </View>
  );
}
