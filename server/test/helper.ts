import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App, type BuildAppOptions } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { createTestDatabase } from './fixtures/database';

export interface LogLine {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

export interface TestApp {
  app: App;
  config: Config;
  /** The temp folder that holds this app's SQLite file (or, on PostgreSQL, only its files). */
  dataDir: string;
  /** Every pino line written so far, parsed. */
  logs(): LogLine[];
  close(): Promise<void>;
}

export interface TestAppOptions extends Omit<BuildAppOptions, 'logStream'> {
  /** Extra environment on top of the test defaults (fresh DATA_DIR, no h5 build). */
  env?: Record<string, string>;
  /** Runs on the built app before `ready()`, e.g. to add a test-only route. */
  configure?: (app: App) => void;
}

/**
 * The real app on a freshly migrated database (SQLite in its own temp folder, or a PostgreSQL database
 * of its own when TEST_DATABASE_URL is set): call once per test file (beforeAll) and close after.
 * Logs go to memory at info level so tests can assert on them.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cbc-server-test-'));
  const database = await createTestDatabase(dataDir);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    STATIC_DIR: path.join(dataDir, 'no-h5-build'),
    ...database.env,
    ...options.env,
  });
  const lines: string[] = [];
  const { env: _env, configure, ...buildOptions } = options;
  const app = buildApp(config, { ...buildOptions, logStream: { write: (line: string) => void lines.push(line) } });
  configure?.(app);
  try {
    await app.ready();
  } catch (error) {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    config,
    dataDir,
    logs: () => lines.map((line) => JSON.parse(line) as LogLine),
    async close() {
      await app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A reply body must never show where the code lives or how it failed inside. */
export function expectNoInternals(body: string): void {
  if (/\bat .+:\d+:\d+|\/work\/|node_modules|\.ts\b|stack/i.test(body)) {
    throw new Error(`Reply body leaks internals: ${body}`);
  }
}
