import { sign, verify } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBankcardKeys, loadBankcardPlatformKeys } from '../../../src/payment-sims/bankcard/index';
import { loadBankcardMerchant } from '../../../src/payments/bankcard/index';
import { snapshotFolders, useTempDataDirs } from '../key-folders';

const tempDataDir = useTempDataDirs('cbc-bank-keys-');
const files = (dataDir: string) => snapshotFolders(dataDir, ['bankcard', 'bankcard-sim']);

describe('ensureBankcardKeys', () => {
  it('creates both folders once (files 0600, folders 0700) with matching key pairs, and never regenerates them', async () => {
    const dataDir = await tempDataDir();
    await Promise.all([ensureBankcardKeys(dataDir), ensureBankcardKeys(dataDir)]);

    expect((await readdir(dataDir)).sort()).toEqual(['bankcard', 'bankcard-sim']);
    const before = await files(dataDir);
    expect(Object.keys(before).sort()).toEqual([
      'bankcard-sim/bank_private_key.pem',
      'bankcard-sim/merchant.json',
      'bankcard-sim/merchant_public_key.pem',
      'bankcard/bank_public_key.pem',
      'bankcard/merchant.json',
      'bankcard/merchant_private_key.pem',
    ]);
    for (const entry of Object.values(before)) expect(entry.mode).toBe(0o600);
    for (const folder of ['bankcard', 'bankcard-sim']) {
      expect((await stat(path.join(dataDir, folder))).mode & 0o777).toBe(0o700);
    }

    const merchant = await loadBankcardMerchant(dataDir);
    const bank = await loadBankcardPlatformKeys(dataDir);
    expect(merchant.merchantId).toMatch(/^898\d{12}$/);
    expect(bank.merchantId).toBe(merchant.merchantId);
    const data = Buffer.from('1764655200\nnonce\n{}\n');
    expect(verify('sha256', data, merchant.platformPublicKey, sign('sha256', data, bank.privateKey))).toBe(true);
    expect(verify('sha256', data, bank.merchantPublicKey, sign('sha256', data, merchant.privateKey))).toBe(true);

    await ensureBankcardKeys(dataDir);
    expect(await files(dataDir)).toEqual(before);
  });
});
