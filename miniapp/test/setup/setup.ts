import { afterEach, beforeEach, vi } from 'vitest';
import { resetTaro } from './taro-stand-in';

// As in the app (src/app.ts imports it first): zod parses without `new Function`, as on WeChat.
import '../../src/setup/zod-jitless';

// The WeChat runtime cannot run here: `@tarojs/taro` is replaced by an in-memory device (see taro-stand-in.ts).
vi.mock('@tarojs/taro', async () => await import('./taro-stand-in'));

// Injected by the Taro build (config/index.ts defineConstants); any origin will do for URLs under test.
(globalThis as { API_BASE_URL?: string }).API_BASE_URL = 'https://api.example.test';

// Tell React that updates in these tests are wrapped in act() (test/render-hook.tsx).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeEach(() => {
  resetTaro();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});
