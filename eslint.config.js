import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** One folder per server feature under server/src (DESIGN.md §3). */
const SERVER_FEATURES = [
  'auth',
  'cards',
  'messages',
  'guides',
  'health',
  'orders',
  'ledger',
  'payments',
  'payment-sims',
  'jobs',
  'cashier',
  'trips',
  'history',
  'auto-topup',
];

/**
 * Features a feature must not see even as types. The merchant side (payments) knows only its provider
 * interface, so the simulated outside world (payment-sims) can be removed without touching it.
 */
const NO_TYPE_IMPORTS = { payments: ['payment-sims'] };

/**
 * Features do not import each other's folders: they are composed in server/src/plugins/*, app.ts and
 * server.ts (outside every feature folder, so unrestricted), and call each other through the service
 * interfaces they are handed, which they may import as types (`import type`). Tests may import anything.
 * The regex matches relative imports that climb out of the feature into another one (`../auth/service`,
 * `../../cards`), and not `../plugins/auth`.
 */
const featureBoundaries = SERVER_FEATURES.map((feature) => ({
  files: [`server/src/${feature}/**/*.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: SERVER_FEATURES.filter((other) => other !== feature).map((other) => {
          const typesToo = NO_TYPE_IMPORTS[feature]?.includes(other) ?? false;
          return {
            regex: `^(\\.\\./)+${other}(/|$)`,
            ...(typesToo ? {} : { allowTypeImports: true }),
            message: typesToo
              ? `${feature} must not depend on ${other}, not even on its types.`
              : `Features do not import each other: ${feature} gets ${other} as a service composed in ` +
                'server/src/plugins, and may import its interface with `import type`.',
          };
        }),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'data-demo/**',
      '**/.tmp/**',
      'tests/screenshots/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // CommonJS is kept only where a tool loads files with require() (Taro config, miniprogram-ci).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The dependency direction miniapp → shared ← server is a design invariant; the linter keeps it.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/miniapp/**', '@cbc/server', '@cbc/miniapp', 'node:*', 'fs', 'path'],
              message: 'shared is pure: no I/O, no app code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/miniapp/**', '@cbc/miniapp'], message: 'The server never imports miniapp code.' }] },
      ],
    },
  },
  {
    // The server suite runs its files in shared workers (vitest.config.ts, isolate: false): a module mock or
    // a stubbed global would leak into the files after it. Tests use the real parts instead.
    files: ['server/test/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'stubGlobal', 'stubEnv', 'useFakeTimers'].map((property) => ({
          object: 'vi',
          property,
          message:
            'The server suite shares its workers between files (isolate: false): nothing may be mocked or stubbed.',
        })),
      ],
    },
  },
  ...featureBoundaries,
  {
    files: ['miniapp/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/**', '@cbc/server'], message: 'The miniapp never imports server code.' }],
          // On h5 each domain's schemas load with its first call (src/api/contracts.h5.ts); the whole map
          // would build every schema of the API as soon as any page loads.
          paths: [
            {
              name: '@cbc/shared',
              importNames: ['api'],
              message:
                "Look a call up in `routes` (@cbc/shared/contracts/routes); only the mini program's contracts.ts takes the whole API map.",
            },
            {
              name: '@nutui/nutui-react-taro',
              importNames: ['Button'],
              message: "Use src/components/button: NutUI's own Button never says it is disabled to a screen reader.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['miniapp/src/api/contracts.ts', 'miniapp/test/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '@cbc/server'], message: 'The miniapp never imports server code.' }] },
      ],
    },
  },
);
