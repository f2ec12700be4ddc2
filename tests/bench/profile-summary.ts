// Summarises a V8 CPU profile (`node --cpu-prof`, as `BENCH_PROFILE=<dir> npm run bench` writes them):
// self time by function and by file (packages grouped), the biggest first.
// `npx tsx bench/profile-summary.ts <file.cpuprofile> [top] [fromS] [toS]`: fromS/toS keep only the samples
// taken in that window (seconds since the profile started), e.g. the load phase without the set-up;
// the per-second busy line printed first shows where the load was.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top] [fromS] [toS]');
const top = Number(topArg ?? 25);
const fromUs = Number(fromArg ?? 0) * 1e6;
const toUs = toArg === undefined ? Infinity : Number(toArg) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const idleId = profile.nodes.find((node) => node.callFrame.functionName === '(idle)')?.id;

// Self time per node from the sample deltas (more exact than hitCount × interval), in the window.
const selfUs = new Map<number, number>();
const busyPerSecond: number[] = [];
let at = 0;
let totalUs = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  at += delta;
  const second = Math.floor(at / 1e6);
  if (id !== idleId) busyPerSecond[second] = (busyPerSecond[second] ?? 0) + delta;
  if (at < fromUs || at >= toUs) return;
  totalUs += delta;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
console.log(`busy % per second: ${Array.from(busyPerSecond, (us = 0) => Math.round(us / 1e4)).join(' ')}`);

/** `node_modules/<pkg>` (scoped too), a repo file under server/ or shared/, or a node internal. */
function where(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const own = /\/((?:server|shared)\/src\/.+)$/.exec(url);
  if (own?.[1]) return own[1];
  return url === '' ? '(native/VM)' : url.replace(/^node:/, 'node:');
}

/** Coarse areas, so one profile reads as "where does a request's CPU go". */
function area(functionName: string, url: string): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.includes('better-sqlite3')) return 'SQLite: prepare (no statement cache)';
  if (url.includes('kysely') && /sqlite-driver/.test(url)) return 'SQLite: run statements';
  if (url.includes('kysely')) return 'Kysely: build, compile, plugins';
  if (/crypto\/(sig|cipher|keys)/.test(url)) return 'crypto: RSA sign/verify, AES-GCM';
  if (/undici|webstreams|abort_controller|event_target/.test(url)) return 'HTTP client (fetch, self-calls)';
  if (/zod/.test(url)) return 'zod (validation, serialisation)';
  if (/fastify|find-my-way|helmet|_http_|node:net|stream|secure-json-parse|light-my-request/.test(url)) {
    return 'HTTP server (Fastify, node:http, helmet)';
  }
  if (functionName === 'writev' || functionName === 'writeLatin1String' || functionName === 'writeUtf8String') {
    return 'HTTP server (Fastify, node:http, helmet)';
  }
  if (/pino/.test(url)) return 'logging';
  if (/\/(server|shared)\/src\//.test(url)) return 'app code (server/, shared/)';
  return 'other (VM, node internals)';
}

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
const byArea = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const place = where(url);
  const fn = `${functionName || '(anonymous)'} ${place}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  byFile.set(place, (byFile.get(place) ?? 0) + us);
  byArea.set(area(functionName, url), (byArea.get(area(functionName, url)) ?? 0) + us);
}

const table = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, 'self ms': Math.round(us / 1000), '%': ((100 * us) / totalUs).toFixed(1) }));

console.log(`${file}: ${Math.round(totalUs / 1000)} ms profiled in the window`);
console.log('self time by area');
console.table(table(byArea));
console.log('self time by function');
console.table(table(byFunction));
console.log('self time by file or package');
console.table(table(byFile));
