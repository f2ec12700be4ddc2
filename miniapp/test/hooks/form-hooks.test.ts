// @vitest-environment jsdom
import fc from 'fast-check';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useIdempotencyKey } from '../../src/api';
import { STORAGE_KEYS } from '../../src/constants/storage-keys';
import { useTicks } from '../../src/packages/guides/components/use-ticks';
import { useCountdown } from '../../src/utils/use-countdown';
import { useFormErrors } from '../../src/utils/use-form-errors';
import { renderHook } from '../support/render-hook';
import { breakStorage, storedEntries } from '../setup/taro-stand-in';

describe('useFormErrors', () => {
  type Field = 'phone' | 'password';

  it('shows a client check once the field was left or the form submitted', async () => {
    const { result } = await renderHook(() => useFormErrors<Field>());
    expect(result.current.shown('phone', 'Too short')).toBeNull();
    await act(async () => result.current.touch('phone'));
    expect(result.current.shown('phone', 'Too short')).toBe('Too short');
    expect(result.current.shown('password', 'Required')).toBeNull();
    await act(async () => result.current.markSubmitted());
    expect(result.current.submitted).toBe(true);
    expect(result.current.shown('password', 'Required')).toBe('Required');
    // A check that passes shows nothing.
    expect(result.current.shown('phone', null)).toBeNull();
  });

  it('shows a server error until that field is edited, and the client check before it', async () => {
    const { result } = await renderHook(() => useFormErrors<Field>());
    await act(async () => {
      result.current.setServerError('phone', 'Already registered');
      result.current.setServerError('password', 'Wrong password');
    });
    expect(result.current.shown('phone', null)).toBe('Already registered');
    // Not yet left: the server's word stands even while the client check fails.
    expect(result.current.shown('phone', 'Too short')).toBe('Already registered');
    await act(async () => result.current.touch('phone'));
    expect(result.current.shown('phone', 'Too short')).toBe('Too short');
    await act(async () => result.current.edited('phone'));
    expect(result.current.shown('phone', null)).toBeNull();
    expect(result.current.shown('password', null)).toBe('Wrong password');
  });
});

describe('useCountdown', () => {
  /** Moves the fake clock in steps of at most a second, letting React render between ticks as it would. */
  async function advance(ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= 1_000) {
      await act(async () => vi.advanceTimersByTimeAsync(Math.min(1_000, left)));
    }
  }

  it('counts whole seconds down to zero, then stops ticking', async () => {
    vi.useFakeTimers();
    const { result } = await renderHook(() => useCountdown());
    expect(result.current[0]).toBe(0);
    await act(async () => result.current[1](60));
    expect(result.current[0]).toBe(60);
    await act(async () => vi.advanceTimersByTimeAsync(999));
    expect(result.current[0]).toBe(60);
    await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(result.current[0]).toBe(59);
    await advance(58_000);
    expect(result.current[0]).toBe(1);
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(result.current[0]).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('catches up after a late tick (a phone asleep) and wakes on whole seconds again', async () => {
    vi.useFakeTimers();
    const { result } = await renderHook(() => useCountdown());
    await act(async () => result.current[1](60));
    // The clock moves 10.3 s while no timer runs, then the pending tick fires.
    vi.setSystemTime(Date.now() + 10_300);
    await act(async () => vi.advanceTimersByTimeAsync(1_000));
    expect(result.current[0]).toBe(49);
    // 48.7 s left: the next tick comes 0.7 s later, on the whole second.
    await act(async () => vi.advanceTimersByTimeAsync(699));
    expect(result.current[0]).toBe(49);
    await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(result.current[0]).toBe(48);
  });

  it('restarts from a new count', async () => {
    vi.useFakeTimers();
    const { result } = await renderHook(() => useCountdown());
    await act(async () => result.current[1](60));
    await advance(30_000);
    expect(result.current[0]).toBe(30);
    await act(async () => result.current[1](5));
    expect(result.current[0]).toBe(5);
    await advance(5_000);
    expect(result.current[0]).toBe(0);
  });
});

describe('useTicks (guide checklists)', () => {
  const key = `${STORAGE_KEYS.checklistPrefix}guide:online-renewal:prerequisites`;

  it('ticks and unticks items, remembered on the device by position', async () => {
    const { result } = await renderHook(() => useTicks('guide:online-renewal:prerequisites'));
    expect(result.current.count).toBe(0);
    await act(async () => result.current.toggle(2));
    await act(async () => result.current.toggle(0));
    expect([0, 1, 2].map(result.current.ticked)).toEqual([true, false, true]);
    expect(storedEntries().get(key)).toEqual([0, 2]);
    await act(async () => result.current.toggle(2));
    expect(storedEntries().get(key)).toEqual([0]);
    // Another visit (or the other language) reads the same ticks back.
    const again = await renderHook(() => useTicks('guide:online-renewal:prerequisites'));
    expect(again.result.current.ticked(0)).toBe(true);
    expect(again.result.current.count).toBe(1);
    await act(async () => again.result.current.clear());
    expect(again.result.current.count).toBe(0);
    expect(storedEntries().get(key)).toEqual([]);
  });

  it('keeps each list apart and ignores what is not a list of positions', async () => {
    storedEntries().set(key, [1, 'x', 2.5, null, 3]);
    storedEntries().set(`${STORAGE_KEYS.checklistPrefix}channel:yuanyou:kiosk:bring`, 'broken');
    const guide = await renderHook(() => useTicks('guide:online-renewal:prerequisites'));
    const channel = await renderHook(() => useTicks('channel:yuanyou:kiosk:bring'));
    expect(guide.result.current.count).toBe(2);
    expect([1, 3].every(guide.result.current.ticked)).toBe(true);
    expect(channel.result.current.count).toBe(0);
  });

  it('still ticks when storage is full, just without remembering', async () => {
    breakStorage();
    const { result } = await renderHook(() => useTicks('guide:x:prerequisites'));
    await act(async () => result.current.toggle(1));
    expect(result.current.ticked(1)).toBe(true);
  });

  it('after any taps, holds (and stores, sorted) the items tapped an odd number of times', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 20 }), async (taps) => {
        storedEntries().clear();
        const { result, unmount } = await renderHook(() => useTicks('guide:p:prerequisites'));
        for (const index of taps) await act(async () => result.current.toggle(index));
        const odd = [0, 1, 2, 3, 4, 5, 6].filter((i) => taps.filter((tap) => tap === i).length % 2 === 1);
        expect([0, 1, 2, 3, 4, 5, 6].filter(result.current.ticked)).toEqual(odd);
        expect(result.current.count).toBe(odd.length);
        expect(storedEntries().get(`${STORAGE_KEYS.checklistPrefix}guide:p:prerequisites`) ?? []).toEqual(odd);
        await unmount();
      }),
      { numRuns: 40 },
    );
  });
});

describe('useIdempotencyKey', () => {
  it('resends the same key for the same body and makes a new one for a changed body', async () => {
    const { result } = await renderHook(() => useIdempotencyKey());
    const keyFor = result.current;
    const first = keyFor({ cardId: 'a', amountMinor: 20_000 });
    expect(keyFor({ cardId: 'a', amountMinor: 20_000 })).toBe(first);
    const corrected = keyFor({ cardId: 'a', amountMinor: 30_000 });
    expect(corrected).not.toBe(first);
    expect(keyFor({ cardId: 'a', amountMinor: 30_000 })).toBe(corrected);
    // Back to the first body after another: a new request, a new key.
    expect(keyFor({ cardId: 'a', amountMinor: 20_000 })).not.toBe(first);
  });

  it('keeps its keys for the life of the page, across renders', async () => {
    const { result, rerender } = await renderHook(() => useIdempotencyKey());
    const key = result.current({ n: 1 });
    await rerender(undefined);
    expect(result.current({ n: 1 })).toBe(key);
    // A page opened again starts with nothing remembered.
    const other = await renderHook(() => useIdempotencyKey());
    expect(other.result.current({ n: 1 })).not.toBe(key);
  });
});
