import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * What a WeChat Pay v3 merchant keeps (shared/PAYMENTS.md §6), in public-key mode: its private key,
 * the platform's public key with its `PUB_KEY_ID_…`, the merchant certificate's serial, the APIv3 key,
 * the merchant number and the mini-program's appid. Read from DATA_DIR/wechatpay/; with a real
 * merchant account these would be the files downloaded from the merchant console.
 */

export const MERCHANT_DIR = 'wechatpay';
export const MERCHANT_FILES = {
  privateKey: 'apiclient_key.pem',
  platformPublicKey: 'pub_key.pem',
  settings: 'merchant.json',
} as const;

export const merchantSettingsSchema = z.strictObject({
  mchid: z.string().regex(/^\d{8,12}$/),
  appid: z.string().regex(/^wx[0-9a-f]{16}$/),
  /** The merchant certificate's serial, sent as `serial_no`. */
  serialNo: z.string().regex(/^[0-9A-Fa-f]{40}$/),
  /** The id of the platform public key, `Wechatpay-Serial` of everything the platform signs. */
  publicKeyId: z.string().regex(/^PUB_KEY_ID_\d+$/),
  /** 32 ASCII characters: the AES-256 key of notification resources. */
  apiV3Key: z.string().regex(/^[\x21-\x7e]{32}$/),
});
export type MerchantSettings = z.infer<typeof merchantSettingsSchema>;

export interface WechatPayMerchant extends MerchantSettings {
  privateKey: KeyObject;
  platformPublicKey: KeyObject;
}

export class WechatPayConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WechatPayConfigError';
  }
}

async function readRequired(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new WechatPayConfigError(
        `WeChat Pay merchant file missing: ${file}. The simulated platform creates the merchant files at first ` +
          'start (ensureWechatPayKeys); with a real merchant account, put the files from the merchant console there.',
        { cause: error },
      );
    }
    throw error;
  }
}

export async function loadWechatPayMerchant(dataDir: string): Promise<WechatPayMerchant> {
  const dir = path.join(dataDir, MERCHANT_DIR);
  const settingsFile = path.join(dir, MERCHANT_FILES.settings);
  const [privatePem, publicPem, settingsText] = await Promise.all([
    readRequired(path.join(dir, MERCHANT_FILES.privateKey)),
    readRequired(path.join(dir, MERCHANT_FILES.platformPublicKey)),
    readRequired(settingsFile),
  ]);
  let json: unknown;
  try {
    json = JSON.parse(settingsText);
  } catch (error) {
    throw new WechatPayConfigError(`${settingsFile} is not valid JSON`, { cause: error });
  }
  const settings = merchantSettingsSchema.safeParse(json);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw new WechatPayConfigError(
      `${settingsFile}: ${issue?.path.join('.') || 'file'} ${issue?.message ?? 'invalid'}`,
    );
  }
  let privateKey: KeyObject;
  let platformPublicKey: KeyObject;
  try {
    privateKey = createPrivateKey(privatePem);
    platformPublicKey = createPublicKey(publicPem);
  } catch (error) {
    throw new WechatPayConfigError(`unreadable key in ${dir}`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'rsa' || platformPublicKey.asymmetricKeyType !== 'rsa') {
    throw new WechatPayConfigError(`the keys in ${dir} must be RSA keys`);
  }
  return { ...settings.data, privateKey, platformPublicKey };
}
