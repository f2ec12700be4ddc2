import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { DEMO_LOGIN, seedDemo } from './seed';

/**
 * `node --import tsx server/src/demo/cli.ts [dir]`: wipes the demo DATA_DIR (default ./data-demo) and
 * seeds it. Refuses to wipe a non-empty folder it did not create (no `.demo` marker inside), so a
 * mistyped path can never delete real data.
 */
const MARKER = '.demo';

const dir = path.resolve(REPO_ROOT, process.argv[2] ?? process.env.DEMO_DATA_DIR ?? 'data-demo');
if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(path.join(dir, MARKER))) {
  console.error(`Refusing to wipe ${dir}: it is not empty and was not made by npm run demo.`);
  process.exit(1);
}
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, MARKER), 'Made by npm run demo; wiped and re-seeded on every run.\n');

console.log(`Seeding the demo account into ${dir} (three months of trips and top-ups)…`);
const summary = await seedDemo(dir);
console.log(
  `Seeded: ${summary.cards.length} cards, ${summary.trips} trips (${summary.declinedTrips} declined), ` +
    `${summary.topups} top-ups, ${summary.expiredOrders} expired order, ${summary.from.slice(0, 10)} → ${summary.to.slice(0, 10)}.`,
);
const line = '─'.repeat(64);
console.log(
  [
    line,
    '  Demo account (a simulation: nothing is charged)',
    `  Phone     ${DEMO_LOGIN.phoneDisplay}   (region 中国大陆 +86, number ${DEMO_LOGIN.phone.number})`,
    `  Password  ${DEMO_LOGIN.password}`,
    line,
  ].join('\n'),
);
