import { useEffect, useState } from 'react';
import type { Language, Money } from '@cbc/shared';
import { MONTH_TOTALS_MAX } from '@cbc/shared/contracts/routes';
import { request } from '../../api';
import { useI18n } from '../../i18n';

/** A month's exact figures: one line per currency that moved (all cards may mix CNY and HKD). */
export type MonthFigures = ReadonlyArray<{ totalIn: Money; totalOut: Money }>;

/** Whose months: one card, all of the user's cards, or none (a filter is on: the list sums what it has). */
export type MonthScope = { cardId: string } | 'all-cards' | null;

/** One call for up to MONTH_TOTALS_MAX months: each month with its lines, or nothing if the call fails. */
async function fetchMonths(
  scope: Exclude<MonthScope, null>,
  months: readonly string[],
  lang: Language,
): Promise<Array<readonly [string, MonthFigures]>> {
  const query = { months: months.join(',') };
  try {
    if (scope === 'all-cards') {
      const totals = await request('getAllMonthTotals', { lang, query });
      return totals.months.map((row) => [row.month, row.totals] as const);
    }
    const totals = await request('getMonthTotals', { lang, params: { id: scope.cardId }, query });
    return totals.months.map((row) => [row.month, [{ totalIn: row.totalIn, totalOut: row.totalOut }]] as const);
  } catch {
    // A batch that fails leaves its months summed from the loaded entries, marked partial.
    return [];
  }
}

/**
 * The exact totals of the months on screen, in one call (per 24 months), for one card or all of them:
 * a month whose older entries are not loaded yet still shows its whole total.
 */
export function useMonthTotals(
  scope: MonthScope,
  months: readonly string[],
  refreshKey: number,
): Record<string, MonthFigures> {
  const { lang } = useI18n();
  const [figures, setFigures] = useState<{ key: string; byMonth: Record<string, MonthFigures> }>({
    key: '',
    byMonth: {},
  });
  const scopeKey = scope === null ? '' : scope === 'all-cards' ? '*' : scope.cardId;
  const key = `${scopeKey}#${refreshKey}`;
  const wanted = months.join(',');

  useEffect(() => {
    if (scope === null || wanted === '') return;
    let live = true;
    const missing = wanted.split(',').filter((month) => figures.key !== key || !(month in figures.byMonth));
    if (missing.length === 0) return;
    const batches: string[][] = [];
    for (let i = 0; i < missing.length; i += MONTH_TOTALS_MAX) batches.push(missing.slice(i, i + MONTH_TOTALS_MAX));
    void Promise.all(batches.map((batch) => fetchMonths(scope, batch, lang))).then((results) => {
      if (!live) return;
      setFigures((previous) => {
        const base = previous.key === key ? previous.byMonth : {};
        const next = { ...base };
        for (const [month, lines] of results.flat()) next[month] = lines;
        return { key, byMonth: next };
      });
    });
    return () => {
      live = false;
    };
    // `figures` is read to skip months already fetched; refetching when it changes would loop. `scope`
    // is a new object each render: `scopeKey` (inside `key`) stands for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, key, lang]);

  return scope !== null && figures.key === key ? figures.byMonth : {};
}
