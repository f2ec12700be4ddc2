import { buildServerBundle } from '../../scripts/lib/server-bundle.mjs';
import { ensureH5Build } from './build';

/**
 * Builds the h5 app once per run (every browser test file drives that build) and the server's bundle
 * from the current source (every test's server process runs it).
 */
export default async function setup(): Promise<void> {
  // scripts/test-e2e.mjs built both just before starting two runs side by side: a build here would
  // rewrite files the other run's servers are starting from.
  if (process.env.E2E_BUILT === '1') return;
  await buildServerBundle();
  await ensureH5Build();
}
