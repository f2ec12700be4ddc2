import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverBundle } from '../../scripts/lib/server-bundle.mjs';
import { h5Dir, repoRoot } from './paths';

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** The DATA_DIR the server uses: a temporary one, unless `env.DATA_DIR` names another. */
  dataDir: string;
  logs: () => string;
  /** SIGTERM, as an operator stops it: the server closes cleanly. */
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or the OOM killer ends it: no shutdown hook runs. */
  kill: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  logs: () => string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logs()}`);
    try {
      const reply = await fetch(`${baseUrl}/api/v1/health`);
      if (reply.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not become healthy in ${timeoutMs / 1000} s:\n${logs()}`);
}

export interface StartServerOptions {
  /** Extra `node` flags before the entry point, e.g. `--cpu-prof --cpu-prof-dir=…` for the bench. */
  nodeArgs?: string[];
  /** Another entry point than the server's, relative to the repository root (`scripts/demo.mjs`). */
  entry?: string;
  /** How long the server may take to answer its health check (a seed runs first). */
  healthTimeoutMs?: number;
}

/**
 * Starts the real server process (the same entry point `npm start` runs) on a free port and a fresh data
 * dir. A `DATA_DIR` in `env` takes precedence, and is left in place by `stop` (the caller owns it).
 */
export async function startServer(
  env: Record<string, string> = {},
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const tempDir = mkdtempSync(join(tmpdir(), 'cbc-e2e-'));
  const dataDir = env.DATA_DIR ?? tempDir;
  // The server runs from its bundle, as `npm start` runs it (global setup builds it); other entries
  // (the demo script) through tsx.
  const entryArgs = options.entry
    ? ['--import', 'tsx', join(repoRoot, options.entry)]
    : ['--enable-source-maps', serverBundle];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entryArgs], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: tempDir,
      STATIC_DIR: h5Dir,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const logs = () => output;
  const baseUrl = `http://127.0.0.1:${port}`;
  const end = async (signal: 'SIGTERM' | 'SIGKILL') => {
    // A process ended by a signal keeps exitCode null: signalCode says it is gone too.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    }
    rmSync(tempDir, { recursive: true, force: true });
  };
  await waitForHealth(baseUrl, child, logs, options.healthTimeoutMs);
  return {
    baseUrl,
    pid: child.pid ?? 0,
    dataDir,
    logs,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
