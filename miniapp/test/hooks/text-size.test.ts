// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { STORAGE_KEYS } from '../../src/constants/storage-keys';
import { renderHook } from '../support/render-hook';
import { storedEntries } from '../setup/taro-stand-in';

// The setting is read once per app start: each test starts the module afresh.
async function freshTextSize() {
  vi.resetModules();
  return import('../../src/settings/text-size');
}

describe('大字模式 (text size)', () => {
  it('follows the platform until the user chooses', async () => {
    document.documentElement.classList.remove('text-large');
    const { useTextSize } = await freshTextSize();
    const { result } = await renderHook(() => useTextSize());
    // jsdom reports no larger default text size than the standard one.
    expect(result.current).toEqual({ large: false, followsSystem: true });
  });

  it('remembers the choice, applies it to the document and re-renders every reader', async () => {
    const { setLargeText, useTextSize, useTextSizeClass, TEXT_LARGE_CLASS } = await freshTextSize();
    const { result } = await renderHook(() => ({ size: useTextSize(), className: useTextSizeClass() }));
    await act(async () => setLargeText(true));
    expect(result.current).toEqual({ size: { large: true, followsSystem: false }, className: TEXT_LARGE_CLASS });
    expect(storedEntries().get(STORAGE_KEYS.textSize)).toBe('large');
    expect(document.documentElement.classList.contains(TEXT_LARGE_CLASS)).toBe(true);
    await act(async () => setLargeText(false));
    expect(result.current.className).toBe('');
    expect(storedEntries().get(STORAGE_KEYS.textSize)).toBe('standard');
    expect(document.documentElement.classList.contains(TEXT_LARGE_CLASS)).toBe(false);
  });

  it('starts with the stored choice, applied before any page reads it', async () => {
    storedEntries().set(STORAGE_KEYS.textSize, 'large');
    const { initTextSize, useTextSize, TEXT_LARGE_CLASS } = await freshTextSize();
    document.documentElement.classList.remove(TEXT_LARGE_CLASS);
    initTextSize();
    expect(document.documentElement.classList.contains(TEXT_LARGE_CLASS)).toBe(true);
    const { result } = await renderHook(() => useTextSize());
    expect(result.current).toEqual({ large: true, followsSystem: false });
  });
});
