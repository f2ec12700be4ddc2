import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * For the key-file tests of the simulated payment families: fresh DATA_DIRs, and what the key folders
 * in one hold.
 */

/** Returns a maker of DATA_DIR paths (`<tmp>/<prefix>…/data`, not created), each removed after its test. */
export function useTempDataDirs(prefix: string): () => Promise<string> {
  const roots: string[] = [];
  afterEach(async () => {
    await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
  });
  return async () => {
    const root = await mkdtemp(path.join(tmpdir(), prefix));
    roots.push(root);
    return path.join(root, 'data');
  };
}

export interface KeyFileState {
  content: string;
  mtimeMs: number;
  /** Permission bits. */
  mode: number;
}

/** Every file of `folders` under `dataDir`, by `folder/file`. */
export async function snapshotFolders(dataDir: string, folders: readonly string[]) {
  const entries: Record<string, KeyFileState> = {};
  for (const folder of folders) {
    for (const file of await readdir(path.join(dataDir, folder))) {
      const full = path.join(dataDir, folder, file);
      const info = await stat(full);
      entries[`${folder}/${file}`] = {
        content: await readFile(full, 'utf8'),
        mtimeMs: info.mtimeMs,
        mode: info.mode & 0o777,
      };
    }
  }
  return entries;
}
