// `npm run build:server`: writes server/dist/server.mjs, the file `npm start` and a deployment run.
import { buildServerBundle } from './lib/server-bundle.mjs';

console.log(`built ${await buildServerBundle()}`);
