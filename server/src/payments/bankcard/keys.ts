import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the merchant keeps for the simulated card acquirer, in DATA_DIR/bankcard/: its private key (its
 * calls are signed with it), the bank's public key (notifications are checked against it) and its
 * merchant id. Generated at first start by payment-sims/bankcard/keys.ts.
 */
export const BANKCARD_MERCHANT_DIR = 'bankcard';
export const BANKCARD_MERCHANT_FILES = {
  privateKey: 'merchant_private_key.pem',
  platformPublicKey: 'bank_public_key.pem',
  info: 'merchant.json',
} as const;

export interface BankcardMerchant {
  merchantId: string;
  privateKey: KeyObject;
  platformPublicKey: KeyObject;
}

export async function loadBankcardMerchant(dataDir: string): Promise<BankcardMerchant> {
  const dir = path.join(dataDir, BANKCARD_MERCHANT_DIR);
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  const info = JSON.parse(await read(BANKCARD_MERCHANT_FILES.info)) as { merchant_id?: unknown };
  if (typeof info.merchant_id !== 'string' || !/^\d{15}$/.test(info.merchant_id)) {
    throw new Error(`${path.join(dir, BANKCARD_MERCHANT_FILES.info)} has no 15-digit merchant_id`);
  }
  return {
    merchantId: info.merchant_id,
    privateKey: createPrivateKey(await read(BANKCARD_MERCHANT_FILES.privateKey)),
    platformPublicKey: createPublicKey(await read(BANKCARD_MERCHANT_FILES.platformPublicKey)),
  };
}
