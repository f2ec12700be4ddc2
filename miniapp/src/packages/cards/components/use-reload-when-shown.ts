import { useEffect, useRef } from 'react';

/**
 * Reloads when the page shows again (`shown` grows: back from a trip, the planner or a top-up), where
 * a threshold, `below` or the last auto top-up may have moved. Not on the first show: the query
 * has just loaded.
 */
export function useReloadWhenShown(shown: number, reload: () => Promise<void>): void {
  const firstShown = useRef(shown);
  useEffect(() => {
    if (shown !== firstShown.current) void reload();
  }, [shown, reload]);
}
