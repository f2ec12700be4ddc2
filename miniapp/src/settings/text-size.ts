import { useSyncExternalStore } from 'react';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { readStorage, writeStorage } from '../utils/storage';
import { TEXT_LARGE_CLASS } from './text-class';
import { applyTextSize, systemPrefersLargeText } from './text-platform';

export { TEXT_LARGE_CLASS };

/**
 * 大字模式: one device-wide choice, remembered in storage. Until the user chooses, the app follows the
 * platform (WeChat's 字体大小 on weapp, the browser's default text size on h5).
 *
 * Styles never read this directly: a page root with `.text-large` (and on h5 the document) sets the
 * --text-scale variable that every type token in styles/_tokens.scss multiplies by.
 */
export type TextSizeChoice = 'large' | 'standard';

export interface TextSize {
  large: boolean;
  /** No choice stored yet: `large` is what the platform asked for. */
  followsSystem: boolean;
}

function isChoice(value: unknown): value is TextSizeChoice {
  return value === 'large' || value === 'standard';
}

function readTextSize(): TextSize {
  const stored = readStorage(STORAGE_KEYS.textSize);
  if (isChoice(stored)) return { large: stored === 'large', followsSystem: false };
  return { large: systemPrefersLargeText(), followsSystem: true };
}

let state: TextSize | undefined;
const listeners = new Set<() => void>();

function snapshot(): TextSize {
  if (!state) {
    state = readTextSize();
    applyTextSize(state.large);
  }
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Turns 大字模式 on or off on this device; every mounted page re-renders with the new class. */
export function setLargeText(large: boolean): void {
  writeStorage(STORAGE_KEYS.textSize, large ? 'large' : 'standard');
  state = { large, followsSystem: false };
  applyTextSize(large);
  listeners.forEach((listener) => listener());
}

export function useTextSize(): TextSize {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The class a page root adds (`''` at standard size), so WeChat pages, which have no shared root, scale too. */
export function useTextSizeClass(): string {
  return useTextSize().large ? TEXT_LARGE_CLASS : '';
}

/**
 * Applies the remembered (or the platform's) text size once at start-up, before the first page draws,
 * so the document class is in place even on pages that never read the setting.
 */
export function initTextSize(): void {
  snapshot();
}
