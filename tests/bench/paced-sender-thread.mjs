// The paced sender's worker thread entry: Node 20 does not pass tsx's loader on to worker threads, so
// the TypeScript module is imported through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./paced-sender.ts', import.meta.url);
