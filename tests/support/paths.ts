import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const testsDir = join(repoRoot, 'tests');
export const miniappDir = join(repoRoot, 'miniapp');
export const h5Dir = join(miniappDir, 'dist', 'h5');
export const weappDir = join(miniappDir, 'dist', 'weapp');
/** Git-ignored; screenshots land here for a person to look at. */
export const screenshotDir = join(repoRoot, 'tests', 'screenshots');
