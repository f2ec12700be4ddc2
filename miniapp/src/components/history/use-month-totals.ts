import { useEffect, useState } from 'react';
import type { Money } from '@cbc/shared';
import { MONTH_TOTALS_MAX } from '@cbc/shared/contracts/routes';
import { request } from '../../api';
import { useI18n } from '../../i18n';

export interface MonthFigures {
  totalIn: Money;
  totalOut: Money;
}

/**
 * One card's exact totals for the months on screen, in one call (per 24 months): a month whose older
 * entries are not loaded yet still shows its whole total. With all cards (mixed currencies) there is
 * no statement, and the list sums what it has loaded instead (marked as partial).
 */
export function useMonthTotals(
  cardId: string | null,
  months: readonly string[],
  refreshKey: number,
): Record<string, MonthFigures> {
  const { lang } = useI18n();
  const [figures, setFigures] = useState<{ key: string; byMonth: Record<string, MonthFigures> }>({
    key: '',
    byMonth: {},
  });
  const key = `${cardId ?? ''}#${refreshKey}`;
  const wanted = months.join(',');

  useEffect(() => {
    if (!cardId || wanted === '') return;
    let live = true;
    const missing = wanted.split(',').filter((month) => figures.key !== key || !(month in figures.byMonth));
    if (missing.length === 0) return;
    const batches: string[][] = [];
    for (let i = 0; i < missing.length; i += MONTH_TOTALS_MAX) batches.push(missing.slice(i, i + MONTH_TOTALS_MAX));
    void Promise.all(
      batches.map((batch) =>
        request('getMonthTotals', { lang, params: { id: cardId }, query: { months: batch.join(',') } }).then(
          (totals) =>
            totals.months.map((row) => [row.month, { totalIn: row.totalIn, totalOut: row.totalOut }] as const),
          // A batch that fails leaves its months summed from the loaded entries, marked partial.
          () => [],
        ),
      ),
    ).then((results) => {
      if (!live) return;
      setFigures((previous) => {
        const base = previous.key === key ? previous.byMonth : {};
        const next = { ...base };
        for (const [month, figures] of results.flat()) next[month] = figures;
        return { key, byMonth: next };
      });
    });
    return () => {
      live = false;
    };
    // `figures` is read to skip months already fetched; refetching when it changes would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cardId, wanted, key, lang]);

  return cardId && figures.key === key ? figures.byMonth : {};
}
