import { useCallback, useEffect, useRef, useState } from 'react';
import type { Language, Transaction, TransactionKind, TransactionPage } from '@cbc/shared';
import { planRequest, send, takeEarlyReplyNow, toApiError, type ApiError } from '../../api';
import { useSession } from '../../auth';
import { useI18n } from '../../i18n';

export interface HistoryFilters {
  kind: TransactionKind | 'all';
  /** First day included, `YYYY-MM-DD` (UTC+8). */
  from: string | null;
  /** Last day included. */
  to: string | null;
  /** One card (`GET /cards/:id/transactions`), or all of them (`GET /transactions`). */
  cardId: string | null;
}

export const NO_FILTERS: HistoryFilters = { kind: 'all', from: null, to: null, cardId: null };

/** idle: more can be loaded; end: the last page is in. */
export type MoreState = 'idle' | 'loading' | 'error' | 'end';

interface State {
  key: string | null;
  entries: Transaction[];
  cursor: string | null;
  status: 'loading' | 'ready' | 'error';
  error: ApiError | null;
  more: MoreState;
  moreError: ApiError | null;
}

const START: State = {
  key: null,
  entries: [],
  cursor: null,
  status: 'loading',
  error: null,
  more: 'idle',
  moreError: null,
};

export interface TransactionPages extends Omit<State, 'key' | 'cursor'> {
  /** First page again (pull-to-refresh, filters changed); the list stays on screen meanwhile. */
  reload: () => Promise<void>;
  /** The next (older) page with the cursor; ignored while one is loading or after the last. */
  loadMore: () => Promise<void>;
}

/** The call for the first page of these filters, or for the older page after `cursor`. */
function pagePlan(filters: HistoryFilters, lang: Language, cursor: string | undefined) {
  const query = {
    ...(filters.kind === 'all' ? {} : { kind: filters.kind }),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return filters.cardId
    ? planRequest('listCardTransactions', { params: { id: filters.cardId }, query }, lang)
    : planRequest('listTransactions', { query }, lang);
}

function firstPageState(key: string, page: TransactionPage): State {
  return {
    key,
    entries: page.transactions,
    cursor: page.nextCursor,
    status: 'ready',
    error: null,
    more: page.nextCursor ? 'idle' : 'end',
    moreError: null,
  };
}

/**
 * The transaction list with cursor pagination: the first page when the filters (or language, or user)
 * change, older pages on `loadMore`. A reply for filters the page has moved away from is dropped.
 */
export function useTransactionPages(filters: HistoryFilters, enabled: boolean): TransactionPages {
  const { lang } = useI18n();
  const { session } = useSession();
  const key = enabled ? JSON.stringify([filters, lang, session?.token ?? '']) : null;
  // h5: the first page the boot script fetched, if it is in, is on screen from the first render.
  const [state, setState] = useState<State>(() => {
    const early = key === null ? undefined : takeEarlyReplyNow(pagePlan(filters, lang, undefined), session?.token);
    return key !== null && early ? firstPageState(key, early) : START;
  });
  /** The key whose first page came with the first render: not asked for again on mount. */
  const answeredOnMount = useRef(state.key);
  const current = useRef<string | null>(key);
  current.current = key;
  const loadingMore = useRef(false);

  if (state.key !== key) setState({ ...START, key });

  const fetchPage = useCallback(
    (cursor: string | undefined) => send(pagePlan(filters, lang, cursor)),
    // `key` carries every input: filters, language and user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  const reload = useCallback(async () => {
    if (key === null) return;
    try {
      const page = await fetchPage(undefined);
      if (current.current !== key) return;
      setState(firstPageState(key, page));
    } catch (caught) {
      if (current.current !== key) return;
      const error = toApiError(caught);
      // With a list on screen, a failed refresh keeps it; with nothing, it is the error state.
      setState((previous) =>
        previous.key === key && previous.status === 'ready'
          ? { ...previous, error }
          : { ...previous, status: 'error', error },
      );
    }
  }, [fetchPage, key]);

  useEffect(() => {
    if (answeredOnMount.current !== null && answeredOnMount.current === key) {
      answeredOnMount.current = null;
      return;
    }
    void reload();
  }, [reload, key]);

  const loadMore = useCallback(async () => {
    if (key === null || loadingMore.current || state.status !== 'ready' || state.cursor === null) return;
    if (state.more !== 'idle' && state.more !== 'error') return;
    loadingMore.current = true;
    setState((previous) => ({ ...previous, more: 'loading', moreError: null }));
    try {
      const page = await fetchPage(state.cursor);
      if (current.current !== key) return;
      setState((previous) => {
        const seen = new Set(previous.entries.map((entry) => entry.id));
        return {
          ...previous,
          entries: [...previous.entries, ...page.transactions.filter((entry) => !seen.has(entry.id))],
          cursor: page.nextCursor,
          more: page.nextCursor ? 'idle' : 'end',
        };
      });
    } catch (caught) {
      if (current.current === key) {
        setState((previous) => ({ ...previous, more: 'error', moreError: toApiError(caught) }));
      }
    } finally {
      loadingMore.current = false;
    }
  }, [fetchPage, key, state.status, state.cursor, state.more]);

  return {
    entries: state.entries,
    status: state.status,
    error: state.error,
    more: state.more,
    moreError: state.moreError,
    reload,
    loadMore,
  };
}
