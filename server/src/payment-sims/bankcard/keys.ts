import { createPrivateKey, createPublicKey, randomInt, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BANKCARD_MERCHANT_DIR, BANKCARD_MERCHANT_FILES } from '../../payments/bankcard/keys';
import { ensurePaymentKeys } from '../alipay/key-files';

/**
 * The simulated bank's own folder, DATA_DIR/bankcard-sim/: its private key (notifications are signed
 * with it), the merchant's public key (calls are checked against it) and the merchant's id.
 */
export const BANKCARD_SIM_DIR = 'bankcard-sim';
export const BANKCARD_SIM_FILES = {
  privateKey: 'bank_private_key.pem',
  merchantPublicKey: 'merchant_public_key.pem',
  info: 'merchant.json',
} as const;

/** The merchant's folder, where payments/bankcard/keys.ts reads it (typed by its constants, see ../alipay/keys.ts). */
const MERCHANT_DIR: typeof BANKCARD_MERCHANT_DIR = 'bankcard';
const MERCHANT_FILES: typeof BANKCARD_MERCHANT_FILES = {
  privateKey: 'merchant_private_key.pem',
  platformPublicKey: 'bank_public_key.pem',
  info: 'merchant.json',
};

/** 15 digits like UnionPay merchant numbers (`898` + region, category and serial). */
const newMerchantId = () => `898${String(randomInt(0, 1e12)).padStart(12, '0')}`;

/** Generates, once, both sides' key pairs and the merchant id (DATA_DIR/bankcard/ and DATA_DIR/bankcard-sim/). */
export async function ensureBankcardKeys(dataDir: string): Promise<void> {
  await ensurePaymentKeys(dataDir, {
    merchant: {
      dir: MERCHANT_DIR,
      privateKey: MERCHANT_FILES.privateKey,
      platformPublicKey: MERCHANT_FILES.platformPublicKey,
      info: MERCHANT_FILES.info,
      newInfo: () => ({ merchant_id: newMerchantId() }),
    },
    platform: {
      dir: BANKCARD_SIM_DIR,
      privateKey: BANKCARD_SIM_FILES.privateKey,
      merchantPublicKey: BANKCARD_SIM_FILES.merchantPublicKey,
      info: BANKCARD_SIM_FILES.info,
    },
  });
}

export interface BankcardPlatformKeys {
  /** The one merchant this simulated bank serves. */
  merchantId: string;
  privateKey: KeyObject;
  merchantPublicKey: KeyObject;
}

export async function loadBankcardPlatformKeys(dataDir: string): Promise<BankcardPlatformKeys> {
  const dir = path.join(dataDir, BANKCARD_SIM_DIR);
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  const info = JSON.parse(await read(BANKCARD_SIM_FILES.info)) as { merchant_id?: unknown };
  if (typeof info.merchant_id !== 'string') {
    throw new Error(`${path.join(dir, BANKCARD_SIM_FILES.info)} has no merchant_id`);
  }
  return {
    merchantId: info.merchant_id,
    privateKey: createPrivateKey(await read(BANKCARD_SIM_FILES.privateKey)),
    merchantPublicKey: createPublicKey(await read(BANKCARD_SIM_FILES.merchantPublicKey)),
  };
}
