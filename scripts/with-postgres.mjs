// `node scripts/with-postgres.mjs <command…>`: runs the command with TEST_DATABASE_URL pointing at
// PostgreSQL: the one already set, or a throwaway cluster started for the run and removed after it.
import { run } from './lib/run.mjs';
import { startPostgresCluster } from './lib/postgres-cluster.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

let cluster;
let url = process.env.TEST_DATABASE_URL;
if (!url) {
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  url = cluster.url;
  console.log(`with-postgres: throwaway cluster at ${url}`);
}
let code;
try {
  code = await run(command, args, { env: { ...process.env, TEST_DATABASE_URL: url } });
} finally {
  cluster?.stop();
}
process.exit(code);
