import type { KeyObject } from 'node:crypto';
import { loadMerchantKeyFiles } from '../key-files';

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

export async function loadAlipayMerchant(dataDir: string): Promise<AlipayMerchant> {
  const { merchantId, privateKey, platformPublicKey } = await loadMerchantKeyFiles(dataDir, {
    dir: ALIPAY_MERCHANT_DIR,
    files: ALIPAY_MERCHANT_FILES,
    id: { field: 'app_id', pattern: /^\d{16}$/, description: '16-digit app_id' },
  });
  return { appId: merchantId, privateKey, platformPublicKey };
}
