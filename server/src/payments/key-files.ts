import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A merchant folder under DATA_DIR as the Alipay and bank-card merchants keep it: the merchant's private
 * key, the platform's public key, and `info` (a JSON file naming the merchant at the platform).
 */
export interface MerchantKeyFolder {
  dir: string;
  files: { privateKey: string; platformPublicKey: string; info: string };
  /** The field of `info` that names the merchant, what it must look like, and how to say so. */
  id: { field: string; pattern: RegExp; description: string };
}

export interface MerchantKeyFiles {
  merchantId: string;
  privateKey: KeyObject;
  platformPublicKey: KeyObject;
}

export async function loadMerchantKeyFiles(dataDir: string, folder: MerchantKeyFolder): Promise<MerchantKeyFiles> {
  const dir = path.join(dataDir, folder.dir);
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  const info = JSON.parse(await read(folder.files.info)) as Record<string, unknown>;
  const merchantId = info[folder.id.field];
  if (typeof merchantId !== 'string' || !folder.id.pattern.test(merchantId)) {
    throw new Error(`${path.join(dir, folder.files.info)} has no ${folder.id.description}`);
  }
  return {
    merchantId,
    privateKey: createPrivateKey(await read(folder.files.privateKey)),
    platformPublicKey: createPublicKey(await read(folder.files.platformPublicKey)),
  };
}
