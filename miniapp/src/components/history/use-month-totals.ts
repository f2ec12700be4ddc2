import { useEffect, useState } from 'react';
import type { Money } from '@cbc/shared';
import { request } from '../../api';
import { useI18n } from '../../i18n';

export interface MonthFigures {
  totalIn: Money;
  totalOut: Money;
}

/**
 * One card's exact totals for the months on screen, from its monthly statements: a month whose older
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
    void Promise.all(
      missing.map((month) =>
        request('getStatement', { lang, params: { id: cardId, month } }).then(
          (statement) => [month, { totalIn: statement.totalIn, totalOut: statement.totalOut }] as const,
          () => null,
        ),
      ),
    ).then((rows) => {
      if (!live) return;
      setFigures((previous) => {
        const base = previous.key === key ? previous.byMonth : {};
        const next = { ...base };
        for (const row of rows) if (row) next[row[0]] = row[1];
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
