import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testsDir } from '../support/paths';

export interface BareServer {
  baseUrl: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Starts tests/bench/bare-server.ts in a process of its own and waits for the address it prints;
 * `sameBytesFile` (headers and body as JSON) adds its `/same-bytes` route.
 */
export async function startBareServer(sameBytesFile?: string): Promise<BareServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(testsDir, 'bench', 'bare-server.ts')], {
    cwd: testsDir,
    env: { ...process.env, ...(sameBytesFile ? { BENCH_SAME_BYTES: sameBytesFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`bare server did not start in 20 s: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}: ${stderr}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(http:\/\/\S+)\n/.exec(stdout);
      if (line?.[1]) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    });
  });
  return {
    baseUrl,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function residentMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** CPU time (user + system) from a /proc `stat` file's text, in ms. */
function statCpuMs(stat: string): number {
  // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

/** CPU time (user + system, all threads) a process has used so far, in ms. */
export function cpuTimeMs(pid: number): number {
  return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** CPU time (user + system) each thread of a process has used so far, in ms, by thread id (the main thread's is the pid). */
export function threadCpuTimesMs(pid: number): Map<string, number> {
  return new Map(
    readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
      try {
        return [[tid, statCpuMs(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'))] as const];
      } catch {
        return []; // a thread that ended between the listing and the read
      }
    }),
  );
}

/**
 * CPU time (user + system, all threads) this process, the load generator, has used so far, in ms: what
 * the load itself takes of the two cores the server shares with it.
 */
export function loadCpuTimeMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_S = 100;

/**
 * Waits until a process has used less than `maxShare` of one core over a quarter second (at most
 * `timeoutMs`): work queued by the previous measurement (scrypt hashes still in the thread pool after
 * the login row) must not be billed to the next one.
 */
export async function waitForIdle(pid: number, maxShare = 0.1, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const before = cpuTimeMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (cpuTimeMs(pid) - before < 250 * maxShare) return;
  }
}
