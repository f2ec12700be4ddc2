// `node scripts/parallel.mjs <npm script>…`: runs the root package's npm scripts side by side and exits
// non-zero when any of them fails (scripts/lib/parallel.mjs says how their output is kept apart).
import { runParallel } from './lib/parallel.mjs';
import { root } from './lib/run.mjs';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/parallel.mjs <npm script> [<npm script>…]');
  process.exit(2);
}
process.exit(await runParallel(names, { cwd: root }));
