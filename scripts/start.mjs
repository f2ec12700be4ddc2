// `npm start`: builds the miniapp's h5 bundle if it is missing, then runs the API server, which
// serves that bundle at / and the API under /api/v1 from one port.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const h5Index = join(process.env.STATIC_DIR ?? join(root, 'miniapp', 'dist', 'h5'), 'index.html');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
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

if (!existsSync(h5Index)) {
  console.log('The browser build of the miniapp is missing: building it once (about a minute)…');
  const code = await run(npm, ['run', 'build:h5']);
  if (code !== 0) process.exit(code);
}

process.exit(await run(process.execPath, ['--import', 'tsx', join(root, 'server', 'src', 'server.ts')]));
