import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The only module that reads process.env. Everything else receives a parsed `Config`, so tests build
 * the app from plain objects and a typo in the environment stops the process before it serves anything.
 */

/** <repo>/server/src → <repo>: relative paths resolve here, so `npm start` from the root and the workspace agree. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// An empty variable (`PORT=` in a compose file) means "use the default", not "invalid".
const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const portMessage = 'expected a number between 1 and 65535';

const envSchema = z.object({
  PORT: z.preprocess(
    unsetIfBlank,
    z.coerce
      .number({ error: portMessage })
      .int({ error: portMessage })
      .min(1, { error: portMessage })
      .max(65535, { error: portMessage })
      .default(8080),
  ),
  HOST: z.preprocess(unsetIfBlank, z.string().trim().default('127.0.0.1')),
  DATA_DIR: z.preprocess(unsetIfBlank, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, {
        error: 'expected a postgres:// URL (leave it unset to use the embedded SQLite file)',
      })
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof unsetIfBlank(value) === 'string' ? String(value).trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  STATIC_DIR: z.preprocess(unsetIfBlank, z.string().optional()),
});

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  /** Absolute folder for the SQLite file and, later, uploads. */
  dataDir: string;
  database: DatabaseConfig;
  logLevel: LogLevel;
  /** Absolute folder of the miniapp's h5 build, served at `/`. */
  staticDir: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration: ${issues.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Folder that relative DATA_DIR and STATIC_DIR resolve against; the repository root by default. */
  baseDir?: string;
}

/** Parses an environment-like object; pure, so tests pass plain objects. Throws `ConfigError`. */
export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const baseDir = options.baseDir ?? REPO_ROOT;
  const vars = parsed.data;
  const dataDir = path.resolve(baseDir, vars.DATA_DIR);
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    database: vars.DATABASE_URL
      ? { dialect: 'postgres', url: vars.DATABASE_URL }
      : { dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') },
    logLevel: vars.LOG_LEVEL,
    staticDir: path.resolve(baseDir, vars.STATIC_DIR ?? path.join('miniapp', 'dist', 'h5')),
  };
}

/** The process environment, parsed. Only the entry point calls this. */
export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}
