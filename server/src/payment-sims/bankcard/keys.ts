import { randomInt } from 'node:crypto';
import type { BANKCARD_MERCHANT_DIR, BANKCARD_MERCHANT_FILES } from '../../payments/bankcard/keys';
import { ensurePaymentKeys, loadPlatformKeyFiles, type PaymentKeyLayout, type PlatformKeyFiles } from '../key-files';

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

const LAYOUT: PaymentKeyLayout = {
  merchant: { dir: MERCHANT_DIR, files: MERCHANT_FILES },
  platform: { dir: BANKCARD_SIM_DIR, files: BANKCARD_SIM_FILES },
  idField: 'merchant_id',
  /** 15 digits like UnionPay merchant numbers (`898` + region, category and serial). */
  newId: () => `898${String(randomInt(0, 1e12)).padStart(12, '0')}`,
};

/** Generates, once, both sides' key pairs and the merchant id (DATA_DIR/bankcard/ and DATA_DIR/bankcard-sim/). */
export async function ensureBankcardKeys(dataDir: string): Promise<void> {
  await ensurePaymentKeys(dataDir, LAYOUT);
}

/** The one merchant this simulated bank serves (`merchantId`), and the bank's keys. */
export type BankcardPlatformKeys = PlatformKeyFiles;

export async function loadBankcardPlatformKeys(dataDir: string): Promise<BankcardPlatformKeys> {
  return loadPlatformKeyFiles(dataDir, LAYOUT);
}
