// Runs npm scripts of one package at the same time (scripts/parallel.mjs, scripts/test-e2e.mjs). On two
// cores most suites leave one idle: vitest runs one file at a time there, a fault run mostly waits for
// its servers to start, so `npm test` runs such pieces side by side.
//
// The first script's output streams as it comes, so the longest run shows progress in the CI log; each
// other script's output is held and printed whole, between two of the first one's lines, when it ends:
// no two suites' lines interleave, and every held block is headed by its script's name.
import { spawn } from 'node:child_process';

// Under `npm run` npm names its own entry; run it with this node rather than trusting PATH.
const npmCommand = process.env.npm_execpath
  ? [process.execPath, process.env.npm_execpath]
  : [process.platform === 'win32' ? 'npm.cmd' : 'npm'];

/** Resolves with 0 when every script passed, 1 otherwise; every script runs to its end either way. */
export async function runParallel(names, { cwd, env = process.env } = {}) {
  // Children write to pipes; keep the colours a terminal would have shown.
  const childEnv = process.stdout.isTTY && !env.NO_COLOR ? { FORCE_COLOR: '1', ...env } : env;
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
  let atLineStart = true;
  const held = [];

  const write = (text) => {
    if (text.length === 0) return;
    process.stdout.write(text);
    atLineStart = text.endsWith('\n');
  };
  // Held output goes out only between two lines of the live stream.
  const flushHeld = () => {
    if (!atLineStart) return;
    while (held.length > 0) write(held.shift());
  };

  console.log(`parallel: ${names.join(', ')} side by side; the output of each after the first is printed when it ends`);
  const children = [];
  // Each script runs in a process group of its own, and a stop goes to the whole group: npm and sh do
  // not always pass a signal on, and a test runner left behind would hold the machine.
  const forward = (signal) => {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
      } catch {
        // Already gone.
      }
    }
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);

  const runs = names.map(
    (name, index) =>
      new Promise((resolve) => {
        const live = index === 0;
        const child = spawn(npmCommand[0], [...npmCommand.slice(1), 'run', name], {
          cwd,
          env: childEnv,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: process.platform !== 'win32',
        });
        children.push(child);
        let output = '';
        const take = (chunk) => {
          output += chunk.toString();
          if (!live) return;
          // A trailing partial line waits, so a held block never lands in the middle of it.
          const cut = output.lastIndexOf('\n') + 1;
          write(output.slice(0, cut));
          output = output.slice(cut);
          flushHeld();
        };
        child.stdout.on('data', take);
        child.stderr.on('data', take);
        let finished = false;
        const finish = (code, signal) => {
          if (finished) return;
          finished = true;
          const outcome =
            code === 0 ? `passed after ${elapsed()}` : `FAILED (${signal ?? `exit ${code}`}) after ${elapsed()}`;
          const tail = output === '' || output.endsWith('\n') ? output : `${output}\n`;
          if (live) {
            write(tail);
            write(`parallel: ${name} ${outcome}\n`);
          } else {
            const rule = '─'.repeat(16);
            held.push(`${rule} parallel: output of ${name} ${rule}\n${tail}parallel: ${name} ${outcome}\n`);
          }
          flushHeld();
          resolve({ name, ok: code === 0, outcome });
        };
        child.on('error', (error) => {
          output += `${error.message}\n`;
          finish(1, null);
        });
        child.on('close', finish);
      }),
  );

  const results = await Promise.all(runs);
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  atLineStart = true;
  flushHeld();
  console.log(`parallel: ${results.map((result) => `${result.name} ${result.outcome}`).join('; ')}`);
  return results.every((result) => result.ok) ? 0 : 1;
}
