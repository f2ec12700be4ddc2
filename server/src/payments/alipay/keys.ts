import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the merchant keeps for Alipay, in DATA_DIR/alipay/: its app private key (the one it signs gateway
 * calls with), Alipay's public key (the one notifications are checked against) and its app_id. The
 * simulated platform generates the folder at first start (payment-sims/alipay/keys.ts); a real merchant
 * would put the files it got from Alipay's console there instead.
 */
export const ALIPAY_MERCHANT_DIR = 'alipay';
export const ALIPAY_MERCHANT_FILES = {
  privateKey: 'app_private_key.pem',
  platformPublicKey: 'alipay_public_key.pem',
  info: 'merchant.json',
} as const;

export interface AlipayMerchant {
  appId: string;
  privateKey: KeyObject;
  platformPublicKey: KeyObject;
}

const APP_ID = /^\d{16}$/;

export async function loadAlipayMerchant(dataDir: string): Promise<AlipayMerchant> {
  const dir = path.join(dataDir, ALIPAY_MERCHANT_DIR);
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  const info = JSON.parse(await read(ALIPAY_MERCHANT_FILES.info)) as { app_id?: unknown };
  if (typeof info.app_id !== 'string' || !APP_ID.test(info.app_id)) {
    throw new Error(`${path.join(dir, ALIPAY_MERCHANT_FILES.info)} has no 16-digit app_id`);
  }
  return {
    appId: info.app_id,
    privateKey: createPrivateKey(await read(ALIPAY_MERCHANT_FILES.privateKey)),
    platformPublicKey: createPublicKey(await read(ALIPAY_MERCHANT_FILES.platformPublicKey)),
  };
}
