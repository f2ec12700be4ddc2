import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from '../src/config';

describe('loadConfig', () => {
  it('has defaults that start the app with zero set-up', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: path.join(REPO_ROOT, 'data'),
      database: { dialect: 'sqlite', file: path.join(REPO_ROOT, 'data', 'app.sqlite') },
      logLevel: 'info',
      staticDir: path.join(REPO_ROOT, 'miniapp', 'dist', 'h5'),
    });
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
    });
    expect(config).toMatchObject({
      port: 9090,
      host: '0.0.0.0',
      logLevel: 'debug',
      database: { dialect: 'postgres', url: 'postgres://user@localhost:5432/cbc' },
    });
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
