import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { h5Dir, miniappDir } from './paths';

export type BuildTarget = 'h5' | 'weapp';

/** Runs the real Taro build; rejects with its output when it fails. */
export function buildMiniapp(target: BuildTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', 'taro', 'build', '--type', target], {
      cwd: miniappDir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`taro build --type ${target} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/**
 * The browser tests need the h5 build of the current source. CI always rebuilds; locally
 * E2E_REUSE_BUILD=1 reuses an existing build to save a minute per run.
 */
export async function ensureH5Build(): Promise<void> {
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(h5Dir, 'index.html'))) return;
  await buildMiniapp('h5');
}
