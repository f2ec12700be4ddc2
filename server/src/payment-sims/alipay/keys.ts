import { randomInt, type KeyObject } from 'node:crypto';
import type { ALIPAY_MERCHANT_DIR, ALIPAY_MERCHANT_FILES } from '../../payments/alipay/keys';
import { ensurePaymentKeys, loadPlatformKeyFiles, type PaymentKeyLayout } from '../key-files';

/**
 * The simulated Alipay's own folder, DATA_DIR/alipay-sim/: its private key (notifications are signed
 * with it), the merchant's app public key (gateway calls are checked against it) and the merchant's
 * app_id, as Alipay's console would hold them.
 */
export const ALIPAY_SIM_DIR = 'alipay-sim';
export const ALIPAY_SIM_FILES = {
  privateKey: 'alipay_private_key.pem',
  merchantPublicKey: 'app_public_key.pem',
  info: 'merchant.json',
} as const;

/**
 * The merchant's folder, where payments/alipay/keys.ts reads it. Typed by the merchant's own constants,
 * so a rename there fails to compile here instead of failing at start.
 */
const MERCHANT_DIR: typeof ALIPAY_MERCHANT_DIR = 'alipay';
const MERCHANT_FILES: typeof ALIPAY_MERCHANT_FILES = {
  privateKey: 'app_private_key.pem',
  platformPublicKey: 'alipay_public_key.pem',
  info: 'merchant.json',
};

const LAYOUT: PaymentKeyLayout = {
  merchant: { dir: MERCHANT_DIR, files: MERCHANT_FILES },
  platform: { dir: ALIPAY_SIM_DIR, files: ALIPAY_SIM_FILES },
  idField: 'app_id',
  /** Real app_ids are 16 digits starting with the year the app was created (`2021…`). */
  newId: () => `2021${String(randomInt(0, 1e12)).padStart(12, '0')}`,
};

/** Generates, once, both sides' key pairs and the app_id (DATA_DIR/alipay/ and DATA_DIR/alipay-sim/). */
export async function ensureAlipayKeys(dataDir: string): Promise<void> {
  await ensurePaymentKeys(dataDir, LAYOUT);
}

export interface AlipayPlatformKeys {
  /** The one merchant app this simulated platform serves. */
  appId: string;
  privateKey: KeyObject;
  merchantPublicKey: KeyObject;
}

export async function loadAlipayPlatformKeys(dataDir: string): Promise<AlipayPlatformKeys> {
  const { merchantId, privateKey, merchantPublicKey } = await loadPlatformKeyFiles(dataDir, LAYOUT);
  return { appId: merchantId, privateKey, merchantPublicKey };
}
