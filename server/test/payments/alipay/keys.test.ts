import { sign, verify } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureAlipayKeys, loadAlipayPlatformKeys } from '../../../src/payment-sims/alipay/index';
import { loadAlipayMerchant } from '../../../src/payments/alipay/index';
import { snapshotFolders, useTempDataDirs } from '../key-folders';

const tempDataDir = useTempDataDirs('cbc-alipay-keys-');
const snapshot = (dataDir: string) => snapshotFolders(dataDir, ['alipay', 'alipay-sim']);

const MERCHANT_FILES = ['alipay_public_key.pem', 'app_private_key.pem', 'merchant.json'];
const SIM_FILES = ['alipay_private_key.pem', 'app_public_key.pem', 'merchant.json'];

/** Both sides hold each other's public key: what one signs, the other verifies. */
async function expectMatchingPairs(dataDir: string) {
  const merchant = await loadAlipayMerchant(dataDir);
  const platform = await loadAlipayPlatformKeys(dataDir);
  expect(platform.appId).toBe(merchant.appId);
  const data = Buffer.from('a=1&b=2');
  expect(verify('sha256', data, merchant.platformPublicKey, sign('sha256', data, platform.privateKey))).toBe(true);
  expect(verify('sha256', data, platform.merchantPublicKey, sign('sha256', data, merchant.privateKey))).toBe(true);
}

describe('ensureAlipayKeys', () => {
  it('creates both folders at first start: RSA-2048 keys, an app_id, files 0600 and folders 0700', async () => {
    const dataDir = await tempDataDir();
    await ensureAlipayKeys(dataDir);

    expect((await readdir(path.join(dataDir, 'alipay'))).sort()).toEqual(MERCHANT_FILES);
    expect((await readdir(path.join(dataDir, 'alipay-sim'))).sort()).toEqual(SIM_FILES);
    expect((await readdir(dataDir)).sort()).toEqual(['alipay', 'alipay-sim']);
    for (const folder of ['alipay', 'alipay-sim']) {
      expect((await stat(path.join(dataDir, folder))).mode & 0o777).toBe(0o700);
    }
    for (const entry of Object.values(await snapshot(dataDir))) expect(entry.mode).toBe(0o600);

    const merchant = await loadAlipayMerchant(dataDir);
    expect(merchant.appId).toMatch(/^2021\d{12}$/);
    expect(merchant.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(merchant.platformPublicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    // The merchant folder never holds the platform's private key, nor the platform folder the merchant's.
    const sim = await readFile(path.join(dataDir, 'alipay-sim', 'app_public_key.pem'), 'utf8');
    expect(sim).toContain('BEGIN PUBLIC KEY');
    await expectMatchingPairs(dataDir);
  });

  it('never regenerates: a restart leaves every file as it was', async () => {
    const dataDir = await tempDataDir();
    await ensureAlipayKeys(dataDir);
    const before = await snapshot(dataDir);
    await ensureAlipayKeys(dataDir);
    expect(await snapshot(dataDir)).toEqual(before);
  });

  it('gives processes starting at once one consistent set of keys, with no temp folders left', async () => {
    const dataDir = await tempDataDir();
    await Promise.all([ensureAlipayKeys(dataDir), ensureAlipayKeys(dataDir), ensureAlipayKeys(dataDir)]);
    expect((await readdir(dataDir)).sort()).toEqual(['alipay', 'alipay-sim']);
    await expectMatchingPairs(dataDir);
  });

  it('repairs a missing public-key copy from the private key it belongs to', async () => {
    const dataDir = await tempDataDir();
    await ensureAlipayKeys(dataDir);
    const before = await snapshot(dataDir);
    await rm(path.join(dataDir, 'alipay', 'alipay_public_key.pem'));
    await ensureAlipayKeys(dataDir);
    const after = await snapshot(dataDir);
    expect(after['alipay/alipay_public_key.pem']?.content).toBe(before['alipay/alipay_public_key.pem']?.content);
    expect(after['alipay/alipay_public_key.pem']?.mode).toBe(0o600);
    expect(after['alipay/app_private_key.pem']).toEqual(before['alipay/app_private_key.pem']);
  });

  it('refuses a folder that lost its private key rather than silently replacing it', async () => {
    const dataDir = await tempDataDir();
    await ensureAlipayKeys(dataDir);
    await rm(path.join(dataDir, 'alipay-sim', 'alipay_private_key.pem'));
    await expect(ensureAlipayKeys(dataDir)).rejects.toThrow(/alipay_private_key\.pem/);
  });
});
