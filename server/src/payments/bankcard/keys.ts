import { loadMerchantKeyFiles, type MerchantKeyFiles } from '../key-files';

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

export type BankcardMerchant = MerchantKeyFiles;

export async function loadBankcardMerchant(dataDir: string): Promise<BankcardMerchant> {
  return loadMerchantKeyFiles(dataDir, {
    dir: BANKCARD_MERCHANT_DIR,
    files: BANKCARD_MERCHANT_FILES,
    id: { field: 'merchant_id', pattern: /^\d{15}$/, description: '15-digit merchant_id' },
  });
}
