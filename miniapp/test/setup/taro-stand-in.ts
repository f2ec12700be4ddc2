/**
 * An in-memory stand-in for the parts of `@tarojs/taro` the app's logic calls: storage, request,
 * uploadFile, getSystemInfoSync and the page show/hide hooks. `@tarojs/taro` is the boundary to the
 * WeChat runtime (and needs a Taro build's globals to even load), so tests put this in its place
 * (test/setup/setup.ts) and drive it: what the "server" answers, when storage fails, when a page hides.
 * Everything of our own runs for real on top of it.
 */
import { useEffect, useRef } from 'react';

export interface RequestOptions {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  dataType?: string;
  timeout?: number;
}

export interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
  timeout?: number;
}

export interface Reply {
  statusCode: number;
  data: unknown;
}

/** A call the code under test made, with what it sent and whether it gave up on it. */
export interface SentCall<O> {
  options: O;
  aborted: boolean;
}

type Answer<O> = (options: O) => Reply | Promise<Reply>;

/** The device's state. Kept on globalThis: a test that reloads modules (vi.resetModules) may get a
 * second copy of this file, and both must be the same device. */
interface Device {
  store: Map<string, unknown>;
  storageFails: boolean;
  systemLanguage: string | undefined;
  requests: SentCall<RequestOptions>[];
  uploads: SentCall<UploadOptions>[];
  answerRequest: Answer<RequestOptions>;
  answerUpload: Answer<UploadOptions>;
  showHandlers: Set<() => void>;
  hideHandlers: Set<() => void>;
}

const unanswered = (api: string) => () => Promise.reject(new Error(`no answer set for Taro.${api}`));

const shared = globalThis as { cbcTaroStandIn?: Device };
const device: Device = (shared.cbcTaroStandIn ??= {
  store: new Map(),
  storageFails: false,
  systemLanguage: 'zh_CN',
  requests: [],
  uploads: [],
  answerRequest: unanswered('request'),
  answerUpload: unanswered('uploadFile'),
  showHandlers: new Set(),
  hideHandlers: new Set(),
});

export const requests = device.requests;
export const uploads = device.uploads;

/** Back to an empty device: called before every test. */
export function resetTaro(): void {
  device.store.clear();
  device.storageFails = false;
  device.systemLanguage = 'zh_CN';
  device.requests.length = 0;
  device.uploads.length = 0;
  device.answerRequest = unanswered('request');
  device.answerUpload = unanswered('uploadFile');
  device.showHandlers.clear();
  device.hideHandlers.clear();
}

/** What `Taro.request` answers from now on (a function of the call, possibly a promise that never settles). */
export function onRequest(answer: Answer<RequestOptions>): void {
  device.answerRequest = answer;
}

export function onUpload(answer: Answer<UploadOptions>): void {
  device.answerUpload = answer;
}

/** Every storage call throws from now on, as WeChat's does when the quota is full. */
export function breakStorage(): void {
  device.storageFails = true;
}

export function setSystemLanguage(language: string | undefined): void {
  device.systemLanguage = language;
}

/** The raw stored entries, to see what the app wrote. */
export function storedEntries(): Map<string, unknown> {
  return device.store;
}

/** The page comes back to the front (another page closed, the app returned from the background). */
export function showPage(): void {
  device.showHandlers.forEach((handler) => handler());
}

export function hidePage(): void {
  device.hideHandlers.forEach((handler) => handler());
}

function guard(): void {
  if (device.storageFails) throw new Error('setStorageSync:fail exceed storage max size');
}

/** A task like Taro's: a promise with `abort()`, recorded so a test can see the client gave up on it. */
function task<O>(list: SentCall<O>[], options: O, answer: Answer<O>): Promise<Reply> & { abort: () => void } {
  const call: SentCall<O> = { options, aborted: false };
  list.push(call);
  const promise = Promise.resolve().then(() => answer(options)) as Promise<Reply> & { abort: () => void };
  promise.abort = () => {
    call.aborted = true;
  };
  return promise;
}

const Taro = {
  getStorageSync(key: string): unknown {
    guard();
    // WeChat answers '' for a missing key.
    return device.store.has(key) ? structuredClone(device.store.get(key)) : '';
  },
  setStorageSync(key: string, value: unknown): void {
    guard();
    device.store.set(key, structuredClone(value));
  },
  removeStorageSync(key: string): void {
    guard();
    device.store.delete(key);
  },
  request(options: RequestOptions) {
    return task(device.requests, options, device.answerRequest);
  },
  uploadFile(options: UploadOptions) {
    return task(device.uploads, options, device.answerUpload);
  },
  getSystemInfoSync(): { language?: string } {
    return device.systemLanguage === undefined ? {} : { language: device.systemLanguage };
  },
};

export default Taro;

// The page lifecycle hooks: a component's handler runs when the test shows or hides "the page".
// Registered for the component's life like Taro's (React's effects add and remove them).

function usePageEvent(handlers: Set<() => void>, callback: () => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    const handler = () => latest.current();
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }, [handlers]);
}

export function useDidShow(callback: () => void): void {
  usePageEvent(device.showHandlers, callback);
}

export function useDidHide(callback: () => void): void {
  usePageEvent(device.hideHandlers, callback);
}
