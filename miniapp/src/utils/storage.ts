import Taro from '@tarojs/taro';

/**
 * Storage that never throws: a full or unavailable storage (private mode on h5, quota on WeChat)
 * must not break a page, it only loses the remembered value.
 */
export function readStorage(key: string): unknown {
  try {
    const value: unknown = Taro.getStorageSync(key);
    // WeChat returns '' for a missing key.
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Non-fatal: the value is simply not remembered.
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Non-fatal: a stale value is re-checked when read.
  }
}
