import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SESSION_CACHE_TTL_MS } from './auth/session-cache';
import { CARD_LIST_CACHE_TTL_MS } from './cards/owner-replies';

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
const sessionTtlMessage = 'expected a whole number of days between 1 and 365';

/** A rate limit written `max/window`, e.g. `5/1h`, `30/15m`, `3/10s`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

const RATE_LIMIT_FORMAT = /^(\d{1,6})\/(\d{1,6})(s|m|h)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
const rateLimitMessage = 'expected max/window such as 5/1h, 30/15m or 3/10s';

function rateLimitVariable(fallback: string) {
  return z.preprocess(
    unsetIfBlank,
    z
      .string()
      .trim()
      .default(fallback)
      .transform((value, ctx): RateLimit => {
        const match = RATE_LIMIT_FORMAT.exec(value);
        const max = Number(match?.[1]);
        const amount = Number(match?.[2]);
        if (!match || max < 1 || amount < 1) {
          ctx.addIssue({ code: 'custom', message: rateLimitMessage });
          return z.NEVER;
        }
        return { max, windowMs: amount * UNIT_MS[match[3] as keyof typeof UNIT_MS] };
      }),
  );
}

/**
 * Brute-force brakes on the routes that take a phone number, each counted per phone and per client
 * address. The defaults let a real person retry comfortably and stop scripted guessing; tests and
 * demos override them through the environment.
 */
const rateLimitVariables = {
  RATE_LIMIT_SMS_CODE_PHONE: rateLimitVariable('5/1h'),
  RATE_LIMIT_SMS_CODE_ADDRESS: rateLimitVariable('20/10m'),
  // Failed logins of one phone from one client address; a stranger elsewhere cannot use it to lock the owner out.
  RATE_LIMIT_LOGIN_PHONE: rateLimitVariable('10/15m'),
  // Failed logins of one phone from all addresses together: a far higher bar against guessing from many.
  RATE_LIMIT_LOGIN_PHONE_ANY_ADDRESS: rateLimitVariable('100/1h'),
  RATE_LIMIT_LOGIN_ADDRESS: rateLimitVariable('30/15m'),
  RATE_LIMIT_WECHAT_ADDRESS: rateLimitVariable('20/10m'),
  RATE_LIMIT_REGISTER_PHONE: rateLimitVariable('10/15m'),
  RATE_LIMIT_REGISTER_ADDRESS: rateLimitVariable('20/10m'),
};

export interface PhoneAndAddressLimits {
  perPhone: RateLimit;
  perAddress: RateLimit;
}

function numberVariable(fallback: number, min: number, max: number, message: string, integer = true) {
  let schema = z.coerce.number({ error: message }).min(min, { error: message }).max(max, { error: message });
  if (integer) schema = schema.int({ error: message });
  return z.preprocess(unsetIfBlank, schema.default(fallback));
}

const originMessage = 'expected an http(s) origin such as https://topup.example.com (no path, no trailing slash)';
const originVariable = z.preprocess(
  unsetIfBlank,
  z
    .url({ error: originMessage })
    .refine((value) => /^https?:\/\/[^/]+$/.test(value), { error: originMessage })
    .optional(),
);

/**
 * The top-up simulation's clocks and the simulated payment platforms. Defaults suit a person trying
 * the app: crediting takes a few seconds ("arrives within minutes" in real life), unpaid orders close
 * after 15 minutes, a lost notification is reconciled by a query after 10 seconds.
 */
const topupVariables = {
  CREDIT_DELAY_SECONDS: numberVariable(3, 0, 3600, 'expected a whole number of seconds between 0 and 3600'),
  ORDER_TTL_MINUTES: numberVariable(15, 1, 24 * 60, 'expected a whole number of minutes between 1 and 1440'),
  PAYMENT_QUERY_AFTER_SECONDS: numberVariable(10, 0, 3600, 'expected a whole number of seconds between 0 and 3600'),
  JOB_INTERVAL_MS: numberVariable(500, 0, 60_000, 'expected milliseconds between 0 (jobs off) and 60000'),
  SIM_NOTIFY_TIME_SCALE: numberVariable(60, 1, 1_000_000, 'expected a factor between 1 (real time) and 1000000', false),
  SIM_PROBE_RATE: numberVariable(0.1, 0, 1, 'expected a share between 0 and 1', false),
  PUBLIC_BASE_URL: originVariable,
  WECHATPAY_BASE_URL: originVariable,
};

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
  DATABASE_POOL_SIZE: numberVariable(10, 1, 500, 'expected a whole number of connections between 1 and 500'),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof unsetIfBlank(value) === 'string' ? String(value).trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  STATIC_DIR: z.preprocess(unsetIfBlank, z.string().optional()),
  APP_SECRET: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .min(32, { error: 'expected at least 32 characters (leave it unset to generate one in DATA_DIR)' })
      .optional(),
  ),
  SESSION_TTL_DAYS: z.preprocess(
    unsetIfBlank,
    z.coerce
      .number({ error: sessionTtlMessage })
      .int({ error: sessionTtlMessage })
      .min(1, { error: sessionTtlMessage })
      .max(365, { error: sessionTtlMessage })
      .default(30),
  ),
  SESSION_CACHE_MS: numberVariable(
    SESSION_CACHE_TTL_MS,
    0,
    60_000,
    'expected milliseconds between 0 (every request reads its session) and 60000',
  ),
  CARD_LIST_CACHE_MS: numberVariable(
    CARD_LIST_CACHE_TTL_MS,
    0,
    60_000,
    'expected milliseconds between 0 (every request reads the cards) and 60000',
  ),
  ...rateLimitVariables,
  ...topupVariables,
});

export type DatabaseConfig =
  /** walLimitBytes: where the WAL is started over under steady writes (256 MB unless a test sets a smaller one). */
  | { dialect: 'sqlite'; file: string; walLimitBytes?: number }
  /** poolSize: connections this process keeps open; instances × poolSize must stay under the server's max_connections. */
  | { dialect: 'postgres'; url: string; poolSize: number };

export interface Config {
  port: number;
  host: string;
  /** Absolute folder for the SQLite file and, later, uploads. */
  dataDir: string;
  database: DatabaseConfig;
  logLevel: LogLevel;
  /** Absolute folder of the miniapp's h5 build, served at `/`. */
  staticDir: string;
  /**
   * Key of every keyed hash (SMS codes, card and ID numbers, openids). Unset: `resolveAppSecret`
   * generates one and keeps it in DATA_DIR/secret.key, so hashes survive restarts.
   */
  appSecret: string | undefined;
  sessionTtlDays: number;
  /** How long a session read from the database answers from memory (`createSessionCache`); 0: never. */
  sessionCacheMs: number;
  /**
   * How long a card list or history page answers from memory (`createCardOwnerReplies`) when no change to
   * the user's cards is heard: it bounds changes nobody announced (a script writing to the SQLite file). 0: never.
   */
  cardListCacheMs: number;
  rateLimits: {
    smsCode: PhoneAndAddressLimits;
    /** perPhone counts failed logins per phone and address pair; perPhoneAnyAddress per phone alone. */
    login: PhoneAndAddressLimits & { perPhoneAnyAddress: RateLimit };
    register: PhoneAndAddressLimits;
    /** WeChat login has no phone to count by; every new code can create an account, so the address is braked. */
    wechatPerAddress: RateLimit;
  };
  topup: TopupConfig;
}

export interface TopupConfig {
  /** From "paid" to "credited"; 0 credits at once. */
  creditDelaySeconds: number;
  /** Unpaid orders close after this. */
  orderTtlMinutes: number;
  /** A paying order not heard of for this long is queried at its provider (the lost-notification case). */
  paymentQueryAfterSeconds: number;
  /** How often the background jobs run; 0 turns the timer off (tests call the jobs themselves). */
  jobIntervalMs: number;
  /** Simulated notification retries run this many times faster than WeChat Pay's real schedule. */
  simNotifyTimeScale: number;
  /** Share of simulated WeChat Pay notifications preceded by a WECHATPAY/SIGNTEST/ probe. */
  simProbeRate: number;
  /** Origin the payment platforms call back (notify URLs); unset: the address the server listens on. */
  publicBaseUrl: string | undefined;
  /** A real WeChat Pay API origin; unset: the simulated platform is mounted at /v3 on this server. */
  wechatpayBaseUrl: string | undefined;
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
  const staticDir = path.resolve(baseDir, vars.STATIC_DIR ?? path.join('miniapp', 'dist', 'h5'));
  // Everything under STATIC_DIR is public; DATA_DIR holds the database, the secret and the ID photos.
  if (isSameOrInside(dataDir, staticDir)) {
    throw new ConfigError(['DATA_DIR: must not be STATIC_DIR or inside it (its files would be served)']);
  }
  // A generated key lives in one instance's DATA_DIR; instances sharing a PostgreSQL database would
  // each make their own and stop recognising each other's SMS codes, cards and WeChat users.
  if (vars.DATABASE_URL && vars.APP_SECRET === undefined) {
    throw new ConfigError([
      'APP_SECRET: required with DATABASE_URL, the same on every instance (for example `openssl rand -base64 48`)',
    ]);
  }
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    database: vars.DATABASE_URL
      ? { dialect: 'postgres', url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE }
      : { dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') },
    logLevel: vars.LOG_LEVEL,
    staticDir,
    appSecret: vars.APP_SECRET,
    sessionTtlDays: vars.SESSION_TTL_DAYS,
    sessionCacheMs: vars.SESSION_CACHE_MS,
    cardListCacheMs: vars.CARD_LIST_CACHE_MS,
    rateLimits: {
      smsCode: { perPhone: vars.RATE_LIMIT_SMS_CODE_PHONE, perAddress: vars.RATE_LIMIT_SMS_CODE_ADDRESS },
      login: {
        perPhone: vars.RATE_LIMIT_LOGIN_PHONE,
        perAddress: vars.RATE_LIMIT_LOGIN_ADDRESS,
        perPhoneAnyAddress: vars.RATE_LIMIT_LOGIN_PHONE_ANY_ADDRESS,
      },
      register: { perPhone: vars.RATE_LIMIT_REGISTER_PHONE, perAddress: vars.RATE_LIMIT_REGISTER_ADDRESS },
      wechatPerAddress: vars.RATE_LIMIT_WECHAT_ADDRESS,
    },
    topup: {
      creditDelaySeconds: vars.CREDIT_DELAY_SECONDS,
      orderTtlMinutes: vars.ORDER_TTL_MINUTES,
      paymentQueryAfterSeconds: vars.PAYMENT_QUERY_AFTER_SECONDS,
      jobIntervalMs: vars.JOB_INTERVAL_MS,
      simNotifyTimeScale: vars.SIM_NOTIFY_TIME_SCALE,
      simProbeRate: vars.SIM_PROBE_RATE,
      publicBaseUrl: vars.PUBLIC_BASE_URL,
      wechatpayBaseUrl: vars.WECHATPAY_BASE_URL,
    },
  };
}

function isSameOrInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The process environment, parsed. Only the entry point calls this. */
export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}
