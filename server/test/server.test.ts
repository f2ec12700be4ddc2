import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real entry point the way `npm start` does (through tsx), with a clean environment. */
function runServer(env: Record<string, string>, untilStdout?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not finish in time\n${stdout}\n${stderr}`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Twice, as Ctrl-C under `npm start` does (terminal + forwarding): still one clean close.
      if (!signalled && untilStdout?.test(stdout)) {
        signalled = true;
        child.kill('SIGTERM');
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A port that was free a moment ago (PORT must be 1–65535, so 0 cannot be used). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// Each test starts a real process through tsx: seconds on a loaded machine.
describe('server.ts', { timeout: 30_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cbc-entry-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('exits 1 with one clear line on a bad PORT', async () => {
    const run = await runServer({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Invalid configuration: PORT: expected a number between 1 and 65535');
  });

  it('exits 1 asking for APP_SECRET when DATABASE_URL is set without it', async () => {
    const run = await runServer({ DATABASE_URL: 'postgres://127.0.0.1:1/cbc', DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Invalid configuration: APP_SECRET: required with DATABASE_URL/);
  });

  it('exits 1 with one clear line when PostgreSQL cannot be reached', async () => {
    const run = await runServer({
      DATABASE_URL: 'postgres://cbc@127.0.0.1:1/cbc',
      APP_SECRET: 'x'.repeat(32),
      DATA_DIR: dataDir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Cannot start: Database migration failed: .*ECONNREFUSED 127\.0\.0\.1:1$/);
  });

  it('starts twice at once on a fresh DATA_DIR: one process migrates, the other waits, both serve with one key', async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), 'cbc-entry-twice-'));
    try {
      const start = async () =>
        runServer({ PORT: String(await freePort()), DATA_DIR: fresh, LOG_LEVEL: 'info' }, /listening on http/);
      const runs = await Promise.all([start(), start()]);
      expect(
        runs.map((run) => run.code),
        runs.map((run) => run.stderr).join('\n'),
      ).toEqual([0, 0]);
      const migrated = runs.map((run) => run.stdout.includes('"migration":"001-app-meta"'));
      expect(migrated.filter(Boolean)).toHaveLength(1);
      expect(await readdir(fresh)).toEqual(expect.arrayContaining(['app.sqlite', 'secret.key']));
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }, 60_000);

  it('listens, prints its address, and closes cleanly on (repeated) SIGTERM', async () => {
    const port = await freePort();
    const run = await runServer({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' }, /listening on http/);
    expect(run.stdout, run.stderr).toContain(`跨境卡续费助手 listening on http://127.0.0.1:${port}`);
    expect(run.stdout).toContain('"signal":"SIGTERM"');
    expect(run.code).toBe(0);
  }, 30_000);
});
