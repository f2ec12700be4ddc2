// `npm start`: builds the miniapp's h5 bundle if it is missing, then runs the API server, which
// serves that bundle at / and the API under /api/v1 from one port.
import { ensureH5Build, runTs } from './lib/run.mjs';

await ensureH5Build();
process.exit(await runTs('server/src/server.ts'));
