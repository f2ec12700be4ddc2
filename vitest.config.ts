import { defineConfig } from 'vitest/config';

// Unit and API tests of shared, server and the miniapp's own logic. Browser and build checks live in tests/ and run separately.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['test/**/*.test.ts'] } },
      {
        // Hashing passwords (scrypt) and starting processes take seconds when the machine is busy; the
        // timeout only stops a hung test, speed is measured by `npm run bench`.
        // Not isolated: each file builds its own app on a database of its own and nothing mocks a module, so
        // a worker loads the server's modules once instead of once per file (import 61 s → 7 s, the run
        // 242 s → 146 s on two cores, 6 December).
        test: {
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          pool: 'forks',
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        // test/setup/setup.ts stands in for @tarojs/taro (the WeChat runtime) with an in-memory device.
        test: {
          name: 'miniapp',
          root: './miniapp',
          include: ['test/**/*.test.ts'],
          setupFiles: ['test/setup/setup.ts'],
        },
      },
    ],
  },
});
