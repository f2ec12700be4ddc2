import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAppSecret, SECRET_FILE_NAME } from '../../src/security/app-secret';

describe('resolveAppSecret', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cbc-secret-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('uses APP_SECRET when set, and writes nothing', async () => {
    const secret = await resolveAppSecret('x'.repeat(40), dir);
    expect(secret).toEqual(Buffer.from('x'.repeat(40)));
    await expect(stat(path.join(dir, SECRET_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });

  it('otherwise generates 32 random bytes once, owner-only, and reads them back after a restart', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const first = await resolveAppSecret(undefined, dataDir);
    expect(first).toHaveLength(32);
    const file = path.join(dataDir, SECRET_FILE_NAME);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.toString('base64url'));
    expect(await resolveAppSecret(undefined, dataDir)).toEqual(first);
    const other = await mkdtemp(path.join(tmpdir(), 'cbc-secret-'));
    try {
      expect(await resolveAppSecret(undefined, other)).not.toEqual(first);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('gives two instances starting together the same key', async () => {
    const [a, b] = await Promise.all([resolveAppSecret(undefined, dir), resolveAppSecret(undefined, dir)]);
    expect(a).toEqual(b);
  });

  it('refuses a damaged key file instead of silently replacing it', async () => {
    await writeFile(path.join(dir, SECRET_FILE_NAME), 'short\n');
    await expect(resolveAppSecret(undefined, dir)).rejects.toThrow(/does not hold a 32-byte key/);
  });
});
