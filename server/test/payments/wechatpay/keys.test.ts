import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureWechatPayKeys } from '../../../src/payment-sims/wechatpay/index';
import { loadPlatformKeys } from '../../../src/payment-sims/wechatpay/keys';
import { loadWechatPayMerchant } from '../../../src/payments/wechatpay/index';

const MERCHANT_FILES = ['apiclient_key.pem', 'pub_key.pem', 'merchant.json'];
const PLATFORM_FILES = ['platform_key.pem', 'merchant_pub.pem', 'platform.json'];

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cbc-wechatpay-keys-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const mode = async (file: string) => (await stat(file)).mode & 0o777;

async function snapshot(): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const [dir, files] of [
    ['wechatpay', MERCHANT_FILES],
    ['wechatpay-sim', PLATFORM_FILES],
  ] as const) {
    for (const file of files) entries[`${dir}/${file}`] = await readFile(path.join(dataDir, dir, file), 'utf8');
  }
  return entries;
}

/** The two halves belong together: each side's private key matches the public key the other holds. */
async function expectMatchingHalves() {
  const merchant = await loadWechatPayMerchant(dataDir);
  const platform = await loadPlatformKeys(dataDir);
  const message = Buffer.from('pair check');
  expect(verify('sha256', message, platform.merchantPublicKey, sign('sha256', message, merchant.privateKey))).toBe(
    true,
  );
  expect(verify('sha256', message, merchant.platformPublicKey, sign('sha256', message, platform.privateKey))).toBe(
    true,
  );
  expect(platform).toMatchObject({
    mchid: merchant.mchid,
    appid: merchant.appid,
    merchantSerialNo: merchant.serialNo,
    publicKeyId: merchant.publicKeyId,
    apiV3Key: merchant.apiV3Key,
  });
  return merchant;
}

describe('ensureWechatPayKeys', () => {
  it('creates both halves once, files 0600 and folders 0700, with ids shaped like real ones', async () => {
    await ensureWechatPayKeys(dataDir);
    for (const dir of ['wechatpay', 'wechatpay-sim']) expect(await mode(path.join(dataDir, dir))).toBe(0o700);
    for (const file of MERCHANT_FILES) expect(await mode(path.join(dataDir, 'wechatpay', file))).toBe(0o600);
    for (const file of PLATFORM_FILES) expect(await mode(path.join(dataDir, 'wechatpay-sim', file))).toBe(0o600);
    // Nothing else is left behind in DATA_DIR (no temp or setup folder).
    expect((await readdir(dataDir)).sort()).toEqual(['wechatpay', 'wechatpay-sim']);

    const merchant = await expectMatchingHalves();
    expect(merchant.mchid).toMatch(/^\d{10}$/);
    expect(merchant.appid).toMatch(/^wx[0-9a-f]{16}$/);
    expect(merchant.serialNo).toMatch(/^[0-9A-F]{40}$/);
    expect(merchant.publicKeyId).toMatch(/^PUB_KEY_ID_\d+$/);
    expect(merchant.apiV3Key).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(merchant.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const pem = await readFile(path.join(dataDir, 'wechatpay', 'apiclient_key.pem'), 'utf8');
    expect(pem).toContain('-----BEGIN PRIVATE KEY-----'); // PKCS#8
    expect(createPrivateKey(pem).type).toBe('private');
    const pub = await readFile(path.join(dataDir, 'wechatpay', 'pub_key.pem'), 'utf8');
    expect(pub).toContain('-----BEGIN PUBLIC KEY-----'); // SPKI
    expect(createPublicKey(pub).type).toBe('public');
  });

  it('does not regenerate anything on a second start', async () => {
    await ensureWechatPayKeys(dataDir);
    const before = await snapshot();
    const mtime = (await stat(path.join(dataDir, 'wechatpay', 'apiclient_key.pem'))).mtimeMs;
    await ensureWechatPayKeys(dataDir);
    expect(await snapshot()).toEqual(before);
    expect((await stat(path.join(dataDir, 'wechatpay', 'apiclient_key.pem'))).mtimeMs).toBe(mtime);
  });

  it('two starts at once end with one matching set', async () => {
    await Promise.all([ensureWechatPayKeys(dataDir), ensureWechatPayKeys(dataDir), ensureWechatPayKeys(dataDir)]);
    await expectMatchingHalves();
    expect((await readdir(dataDir)).sort()).toEqual(['wechatpay', 'wechatpay-sim']);
  });

  it('refuses to pair a lone half with a new one', async () => {
    await ensureWechatPayKeys(dataDir);
    await rm(path.join(dataDir, 'wechatpay-sim'), { recursive: true });
    await expect(ensureWechatPayKeys(dataDir)).rejects.toThrow(/belong together.*delete both/);
  });
});

describe('loadWechatPayMerchant', () => {
  it('names the missing file', async () => {
    await expect(loadWechatPayMerchant(dataDir)).rejects.toThrow(/WeChat Pay merchant file missing: .*wechatpay/);
  });
});
