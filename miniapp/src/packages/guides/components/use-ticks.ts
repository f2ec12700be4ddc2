import { useState } from 'react';
import { STORAGE_KEYS } from '../../../constants/storage-keys';
import { readStorage, writeStorage } from '../../../utils/storage';

function storedTicks(key: string): number[] {
  const value = readStorage(key);
  return Array.isArray(value) ? value.filter((item): item is number => Number.isInteger(item)) : [];
}

/**
 * The ticked items of one checklist, remembered on the device by position (so switching the
 * language keeps them). `listId` names the list: `guide:<slug>:prerequisites`, `channel:<id>:bring`.
 */
export function useTicks(listId: string) {
  const key = `${STORAGE_KEYS.checklistPrefix}${listId}`;
  const [ticks, setTicks] = useState<number[]>(() => storedTicks(key));
  const save = (next: number[]) => {
    setTicks(next);
    writeStorage(key, next);
  };
  return {
    ticked: (index: number) => ticks.includes(index),
    toggle: (index: number) =>
      save(ticks.includes(index) ? ticks.filter((i) => i !== index) : [...ticks, index].sort((a, b) => a - b)),
    clear: () => save([]),
    count: ticks.length,
  };
}
