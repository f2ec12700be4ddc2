import { defineConfig } from 'vitest/config';

// Cross-package tests: they build the miniapp and start real processes, so they run one file at a
// time with generous timeouts (a Taro build takes 20–60 s on two cores).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
