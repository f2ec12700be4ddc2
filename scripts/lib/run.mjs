// Shared by `npm start` and `npm run demo`: the repository root, running a child process with signals
// forwarded, and building the miniapp's h5 bundle once if it is missing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command in the repository root; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    // Forward Ctrl-C and service-manager stops so the server closes its database cleanly.
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs a TypeScript entry of the repository with tsx. */
export function runTs(file, args = [], options = {}) {
  return run(process.execPath, ['--import', 'tsx', join(root, file), ...args], options);
}

/** Builds the h5 bundle when STATIC_DIR (default miniapp/dist/h5) has no index.html; exits on failure. */
export async function ensureH5Build() {
  const h5Index = join(process.env.STATIC_DIR ?? join(root, 'miniapp', 'dist', 'h5'), 'index.html');
  if (existsSync(h5Index)) return;
  console.log('The browser build of the miniapp is missing: building it once (about a minute)…');
  const code = await run(npm, ['run', 'build:h5']);
  if (code !== 0) process.exit(code);
}
