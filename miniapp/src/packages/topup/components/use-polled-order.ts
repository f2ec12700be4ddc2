import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { Order } from '@cbc/shared';
import { request, toApiError, type ApiError } from '../../../api';
import { useSession } from '../../../auth';
import { useI18n } from '../../../i18n';

/** First re-check after 1 s, then 1.5× longer each time, never more than 5 s apart. */
export const POLL_FIRST_MS = 1_000;
export const POLL_MAX_MS = 5_000;
const POLL_GROWTH = 1.5;

export interface PolledOrder {
  order: Order | undefined;
  status: 'loading' | 'ready' | 'error';
  /** The last fetch's failure; with `order` set, the page keeps showing it and polling retries. */
  error: ApiError | null;
  /** A re-check is scheduled. */
  polling: boolean;
  /** Fetches now and starts polling again from the short interval (after paying or cancelling). */
  reload: () => void;
}

/**
 * One order, fetched and then re-fetched with back-off while `keepPolling(order)` says it can still
 * move by itself (paid → credited, a timed-out payment being reconciled). Polling stops at a final
 * state, when the page is hidden (another page on top, the app in the background) and resumes,
 * from the short interval, when it shows again.
 */
export function usePolledOrder(id: string | null, keepPolling: (order: Order) => boolean): PolledOrder {
  const { lang } = useI18n();
  const userId = useSession().user?.id ?? null;
  const [snapshot, setSnapshot] = useState<Omit<PolledOrder, 'reload'>>({
    order: undefined,
    status: 'loading',
    error: null,
    polling: false,
  });
  // Another user logging in on this page (or another id) starts empty: the order on screen was the
  // previous user's, and their 404 must not leave it showing.
  const owner = `${userId ?? ''}:${id ?? ''}`;
  const [shownFor, setShownFor] = useState(owner);
  if (shownFor !== owner) {
    setShownFor(owner);
    setSnapshot({ order: undefined, status: 'loading', error: null, polling: false });
  }
  const live = useRef({ visible: true, hasOrder: false, run: 0, delay: POLL_FIRST_MS, timer: undefined as unknown });
  const keep = useRef(keepPolling);
  useEffect(() => {
    keep.current = keepPolling;
  });

  const stop = useCallback(() => {
    clearTimeout(live.current.timer as ReturnType<typeof setTimeout>);
    live.current.timer = undefined;
    live.current.run += 1;
  }, []);

  /** Fetches now, then again with back-off while the order can still move; `run` ends with stop(). */
  const poll = useCallback(
    (run: number) => {
      const step = async () => {
        if (!id || userId === null) return;
        let again = false;
        try {
          const order = await request('getOrder', { lang, params: { id } });
          if (run !== live.current.run) return;
          again = keep.current(order);
          live.current.hasOrder = true;
          setSnapshot({ order, status: 'ready', error: null, polling: again && live.current.visible });
        } catch (caught) {
          if (run !== live.current.run) return;
          const error = toApiError(caught);
          // Only a transient failure while an order is on screen is retried by itself; the rest wait for Retry.
          again = live.current.hasOrder && (error.status === 0 || error.status >= 500);
          setSnapshot((previous) =>
            previous.order
              ? { ...previous, error, polling: again && live.current.visible }
              : { order: undefined, status: 'error', error, polling: false },
          );
        }
        if (!again || !live.current.visible) return;
        const wait = live.current.delay;
        live.current.delay = Math.min(POLL_MAX_MS, Math.round(wait * POLL_GROWTH));
        live.current.timer = setTimeout(() => void step(), wait);
      };
      void step();
    },
    [id, lang, userId],
  );

  const reload = useCallback(() => {
    stop();
    live.current.delay = POLL_FIRST_MS;
    poll(live.current.run);
  }, [poll, stop]);

  useEffect(() => {
    // Not the new owner's order: a failure of their first fetch is not retried as if one were shown.
    live.current.hasOrder = false;
  }, [owner]);

  useEffect(() => {
    reload();
    return stop;
  }, [reload, stop]);

  useDidShow(() => {
    if (live.current.visible) return;
    live.current.visible = true;
    reload();
  });
  useDidHide(() => {
    live.current.visible = false;
    stop();
    setSnapshot((previous) => (previous.polling ? { ...previous, polling: false } : previous));
  });

  return { ...snapshot, reload };
}
