import { buildServerBundle } from '../../scripts/lib/server-bundle.mjs';
import { ensureH5Build } from './build';

/**
 * Builds the h5 app once per run (every browser test file drives that build) and the server's bundle
 * from the current source (every test's server process runs it).
 */
export default async function setup(): Promise<void> {
  await buildServerBundle();
  await ensureH5Build();
}
