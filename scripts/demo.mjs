// `npm run demo`: like `npm start`, on a fresh demo DATA_DIR (default ./data-demo, wiped and re-seeded
// on every run) holding a user with two cards and three months of trips and top-ups. The seed drives
// the real app in-process through its API (server/src/demo); then the real server starts on that folder.
import { resolve } from 'node:path';
import { ensureH5Build, root, runTs } from './lib/run.mjs';

const dataDir = resolve(root, process.env.DEMO_DATA_DIR ?? 'data-demo');

await ensureH5Build();
const seeded = await runTs('server/src/demo/cli.ts', [dataDir]);
if (seeded !== 0) process.exit(seeded);

// The seed printed the login; the server prints where it listens.
process.exit(await runTs('server/src/server.ts', [], { env: { ...process.env, DATA_DIR: dataDir } }));
