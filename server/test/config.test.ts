import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from '../src/config';

const SECRET = 'a-secret-shared-by-every-instance-0123456789';

describe('loadConfig', () => {
  it('has defaults that start the app with zero set-up', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.join(REPO_ROOT, 'data'),
      database: { dialect: 'sqlite', file: path.join(REPO_ROOT, 'data', 'app.sqlite') },
      logLevel: 'info',
      staticDir: path.join(REPO_ROOT, 'miniapp', 'dist', 'h5'),
      appSecret: undefined,
      sessionTtlDays: 30,
      sessionCacheMs: 1_000,
      cardListCacheMs: 1_000,
      rateLimits: {
        smsCode: { perPhone: { max: 5, windowMs: 3_600_000 }, perAddress: { max: 20, windowMs: 600_000 } },
        login: {
          perPhone: { max: 10, windowMs: 900_000 },
          perAddress: { max: 30, windowMs: 900_000 },
          perPhoneAnyAddress: { max: 100, windowMs: 3_600_000 },
        },
        register: { perPhone: { max: 10, windowMs: 900_000 }, perAddress: { max: 20, windowMs: 600_000 } },
        wechatPerAddress: { max: 20, windowMs: 600_000 },
      },
      topup: {
        creditDelaySeconds: 3,
        orderTtlMinutes: 15,
        paymentQueryAfterSeconds: 10,
        jobIntervalMs: 500,
        simNotifyTimeScale: 60,
        simProbeRate: 0.1,
        publicBaseUrl: undefined,
        wechatpayBaseUrl: undefined,
      },
    });
  });

  it('reads the top-up clocks and the payment platforms’ addresses', () => {
    const config = loadConfig({
      CREDIT_DELAY_SECONDS: '0',
      ORDER_TTL_MINUTES: '30',
      SIM_NOTIFY_TIME_SCALE: '3600',
      SIM_PROBE_RATE: '0.5',
      PUBLIC_BASE_URL: 'https://topup.example.com',
    });
    expect(config.topup).toMatchObject({
      creditDelaySeconds: 0,
      orderTtlMinutes: 30,
      simNotifyTimeScale: 3600,
      simProbeRate: 0.5,
      publicBaseUrl: 'https://topup.example.com',
    });
  });

  it('reads the secret, the session lifetime, the caches and the rate limits', () => {
    const config = loadConfig({
      APP_SECRET: 's'.repeat(32),
      SESSION_TTL_DAYS: '7',
      SESSION_CACHE_MS: '0',
      CARD_LIST_CACHE_MS: '250',
      RATE_LIMIT_LOGIN_PHONE: '3/10s',
      RATE_LIMIT_SMS_CODE_ADDRESS: ' 100/2h ',
    });
    expect(config.appSecret).toBe('s'.repeat(32));
    expect(config.sessionTtlDays).toBe(7);
    expect(config.sessionCacheMs).toBe(0);
    expect(config.cardListCacheMs).toBe(250);
    expect(config.rateLimits.login.perPhone).toEqual({ max: 3, windowMs: 10_000 });
    expect(config.rateLimits.smsCode.perAddress).toEqual({ max: 100, windowMs: 7_200_000 });
  });

  it.each([
    [
      { APP_SECRET: 'short' },
      'APP_SECRET: expected at least 32 characters (leave it unset to generate one in DATA_DIR)',
    ],
    [{ SESSION_TTL_DAYS: '0' }, 'SESSION_TTL_DAYS: expected a whole number of days between 1 and 365'],
    [
      { SESSION_CACHE_MS: '-1' },
      'SESSION_CACHE_MS: expected milliseconds between 0 (every request reads its session) and 60000',
    ],
    [
      { CARD_LIST_CACHE_MS: '60001' },
      'CARD_LIST_CACHE_MS: expected milliseconds between 0 (every request reads the cards) and 60000',
    ],
    [{ ORDER_TTL_MINUTES: '0' }, 'ORDER_TTL_MINUTES: expected a whole number of minutes between 1 and 1440'],
    [{ CREDIT_DELAY_SECONDS: '2.5' }, 'CREDIT_DELAY_SECONDS: expected a whole number of seconds between 0 and 3600'],
    [{ SIM_PROBE_RATE: '2' }, 'SIM_PROBE_RATE: expected a share between 0 and 1'],
    [
      { PUBLIC_BASE_URL: 'https://topup.example.com/app/' },
      'PUBLIC_BASE_URL: expected an http(s) origin such as https://topup.example.com (no path, no trailing slash)',
    ],
    [{ SESSION_TTL_DAYS: '1.5' }, 'SESSION_TTL_DAYS: expected a whole number of days between 1 and 365'],
    [
      { RATE_LIMIT_LOGIN_ADDRESS: '30 per minute' },
      'RATE_LIMIT_LOGIN_ADDRESS: expected max/window such as 5/1h, 30/15m or 3/10s',
    ],
    [
      { RATE_LIMIT_REGISTER_PHONE: '0/1m' },
      'RATE_LIMIT_REGISTER_PHONE: expected max/window such as 5/1h, 30/15m or 3/10s',
    ],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError([message]));
  });

  it('refuses a DATA_DIR inside the served STATIC_DIR: the ID photos and the secret would be public', () => {
    for (const env of [
      { STATIC_DIR: '/srv/site', DATA_DIR: '/srv/site/data' },
      { STATIC_DIR: '/srv/site', DATA_DIR: '/srv/site' },
    ]) {
      expect(() => loadConfig(env)).toThrow(
        'Invalid configuration: DATA_DIR: must not be STATIC_DIR or inside it (its files would be served)',
      );
    }
    expect(loadConfig({ STATIC_DIR: '/srv/data/h5', DATA_DIR: '/srv/data' }).dataDir).toBe('/srv/data');
    expect(loadConfig({ STATIC_DIR: '/srv/site', DATA_DIR: '/srv/site-data' }).dataDir).toBe('/srv/site-data');
  });

  it('resolves relative folders against the repository root, so root and workspace scripts agree', () => {
    expect(REPO_ROOT).toBe(path.resolve(import.meta.dirname, '..', '..'));
    const config = loadConfig({ DATA_DIR: 'var/db', STATIC_DIR: 'public' });
    expect(config.dataDir).toBe(path.join(REPO_ROOT, 'var', 'db'));
    expect(config.staticDir).toBe(path.join(REPO_ROOT, 'public'));
    expect(loadConfig({ DATA_DIR: '/srv/cbc' }).database).toEqual({ dialect: 'sqlite', file: '/srv/cbc/app.sqlite' });
    expect(loadConfig({ DATA_DIR: 'x' }, { baseDir: '/base' }).dataDir).toBe('/base/x');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9090',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'DEBUG',
      DATABASE_URL: 'postgres://user@localhost:5432/cbc',
      DATABASE_POOL_SIZE: '25',
      APP_SECRET: SECRET,
    });
    expect(config).toMatchObject({
      port: 9090,
      host: '0.0.0.0',
      logLevel: 'debug',
      database: { dialect: 'postgres', url: 'postgres://user@localhost:5432/cbc', poolSize: 25 },
      appSecret: SECRET,
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/cbc', APP_SECRET: SECRET }).database).toMatchObject({
      poolSize: 10,
    });
  });

  it('requires APP_SECRET with DATABASE_URL, so every instance hashes with the same key', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/cbc' })).toThrow(
      'Invalid configuration: APP_SECRET: required with DATABASE_URL, the same on every instance',
    );
  });

  it.each(['0', '501', 'ten'])('rejects DATABASE_POOL_SIZE=%s', (size) => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: size })).toThrow(
      'Invalid configuration: DATABASE_POOL_SIZE: expected a whole number of connections between 1 and 500',
    );
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: ' ', DATABASE_URL: '' })).toMatchObject({
      port: 8080,
      logLevel: 'info',
      database: { dialect: 'sqlite' },
    });
  });

  it.each(['abc', '0', '65536', '80.5', '-1'])('rejects PORT=%s with a message naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(new ConfigError(['PORT: expected a number between 1 and 65535']));
    expect(() => loadConfig({ PORT: port })).toThrow(
      'Invalid configuration: PORT: expected a number between 1 and 65535',
    );
  });

  it('rejects an unknown LOG_LEVEL, listing the accepted ones', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      'Invalid configuration: LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('rejects a DATABASE_URL that is not a postgres URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/cbc' })).toThrow(
      'Invalid configuration: DATABASE_URL: expected a postgres:// URL (leave it unset to use the embedded SQLite file)',
    );
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues).toEqual([
        'PORT: expected a number between 1 and 65535',
        'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent',
      ]);
    }
  });
});
