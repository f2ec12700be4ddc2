// `npm start`: builds the miniapp's h5 bundle if it is missing and the API server's bundle (a fraction
// of a second), then runs the server, which serves that h5 bundle at / and the API under /api/v1 from
// one port.
import { ensureH5Build, run } from './lib/run.mjs';
import { buildServerBundle } from './lib/server-bundle.mjs';

await ensureH5Build();
const server = await buildServerBundle();
process.exit(await run(process.execPath, ['--enable-source-maps', server]));
