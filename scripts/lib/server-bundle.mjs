// The API server as one ES module: the repository's TypeScript (server and shared) bundled by esbuild,
// every npm package left to Node's own loader. Starting it skips tsx's per-module transform hooks,
// which were most of a start (about 3.5 s against 1.5 s on two busy cores); `npm start`, the browser
// tests, the fault suites and the bench all run this file. Building takes a fraction of a second, so
// it is rebuilt before each of those runs and never goes stale.
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './run.mjs';

/** Sits beside server/src, so paths the code takes from its own location (../package.json) still hold. */
export const serverBundle = join(root, 'server', 'dist', 'server.mjs');

export async function buildServerBundle() {
  await build({
    entryPoints: [join(root, 'server', 'src', 'server.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // The workspace package is TypeScript source: bundled, not left to Node.
    alias: { '@cbc/shared': join(root, 'shared', 'src', 'index.ts') },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return serverBundle;
}
