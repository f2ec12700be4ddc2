import { useCallback, useEffect, useState } from 'react';

/** Seconds left until another code may be requested, ticking once a second. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return undefined;
    // Wake at the next whole second left, so the label counts 60, 59, … without drifting.
    const timer = setTimeout(() => setNow(Date.now()), (until - now) % 1_000 || 1_000);
    return () => clearTimeout(timer);
  }, [until, now]);
  const start = useCallback((seconds: number) => {
    const started = Date.now();
    setNow(started);
    setUntil(started + seconds * 1_000);
  }, []);
  return [Math.max(0, Math.ceil((until - now) / 1_000)), start];
}
