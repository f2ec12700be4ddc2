// `npm run test -w tests`: builds the server bundle and the h5 app once, then runs the browser tests
// (e2e/) and the rest (reliability/: fault, crash, hostile-input and two-instance runs; weapp/: the weapp
// build) as two vitest runs side by side: tests/package.json's test:browser and test:non-browser, which
// between them run every file of tests/vitest.config.ts. One after the other they left a core idle for
// minutes: the fault runs mostly wait for their servers to start, several browser files for the app.
// Each run's global setup is told the builds are done: building there would rewrite the bundle or the
// h5 files while the other run's servers start from them.
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { runParallel } from './lib/parallel.mjs';
import { root } from './lib/run.mjs';

const testsDir = join(root, 'tests');
const { default: buildForTests } = await tsImport(join(testsDir, 'support', 'global-setup.ts'), import.meta.url);
const buildStarted = Date.now();
await buildForTests();
console.log(`test-e2e: server bundle and h5 build ready after ${Math.round((Date.now() - buildStarted) / 1000)} s`);

process.exit(
  await runParallel(['test:browser', 'test:non-browser'], {
    cwd: testsDir,
    env: { ...process.env, E2E_BUILT: '1' },
  }),
);
