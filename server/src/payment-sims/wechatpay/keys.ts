import { createPrivateKey, createPublicKey, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { randomAlphanumeric } from '../../security/rsa-signature';
import { newRsaKeyPair, writePrivateFile } from '../key-files';

/**
 * The key material of the simulated WeChat Pay platform and of its one merchant, generated at first
 * start so nothing secret is committed. Two halves that must match: DATA_DIR/wechatpay/ holds what a
 * merchant downloads from its console (its private key, the platform public key, ids, the APIv3 key)
 * and DATA_DIR/wechatpay-sim/ what WeChat Pay keeps (the platform private key, the merchant's
 * registered public key and serial, the same APIv3 key). Files 0600, folders 0700.
 */

/**
 * The merchant's half, as a merchant keeps it (server/src/payments/wechatpay/merchant.ts reads it): the
 * platform issues these at onboarding, so it knows their layout without importing the merchant's code.
 */
export const MERCHANT_DIR = 'wechatpay';
const MERCHANT_FILES = {
  privateKey: 'apiclient_key.pem',
  platformPublicKey: 'pub_key.pem',
  settings: 'merchant.json',
} as const;

export const PLATFORM_DIR = 'wechatpay-sim';
export const PLATFORM_FILES = {
  privateKey: 'platform_key.pem',
  merchantPublicKey: 'merchant_pub.pem',
  settings: 'platform.json',
} as const;

/** Where a complete pair of halves waits to be moved into place (see ensureWechatPayKeys). */
const SETUP_DIR = '.wechatpay-keys-setup';

const platformSettingsSchema = z.strictObject({
  mchid: z.string().regex(/^\d{8,12}$/),
  appid: z.string().regex(/^wx[0-9a-f]{16}$/),
  merchantSerialNo: z.string().regex(/^[0-9A-Fa-f]{40}$/),
  publicKeyId: z.string().regex(/^PUB_KEY_ID_\d+$/),
  apiV3Key: z.string().regex(/^[\x21-\x7e]{32}$/),
});
type PlatformSettings = z.infer<typeof platformSettingsSchema>;

export interface PlatformKeys extends PlatformSettings {
  /** Signs every reply and notification; its public half is the merchant's pub_key.pem. */
  privateKey: KeyObject;
  /** The merchant's registered key: verifies the merchant's requests. */
  merchantPublicKey: KeyObject;
}

export class SimulatedKeysError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SimulatedKeysError';
  }
}

const digits = (count: number) => Array.from({ length: count }, () => String(randomInt(10))).join('');

async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { mode: 0o700 });
  await chmod(dir, 0o700);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function installedState(dataDir: string): Promise<'complete' | 'none' | 'partial'> {
  const files = [
    ...Object.values(MERCHANT_FILES).map((file) => path.join(dataDir, MERCHANT_DIR, file)),
    ...Object.values(PLATFORM_FILES).map((file) => path.join(dataDir, PLATFORM_DIR, file)),
  ];
  const present = await Promise.all(files.map(exists));
  if (present.every(Boolean)) return 'complete';
  const dirs = await Promise.all([MERCHANT_DIR, PLATFORM_DIR].map((dir) => exists(path.join(dataDir, dir))));
  return dirs.some(Boolean) ? 'partial' : 'none';
}

/** Writes a complete pair of halves into a fresh folder (`wx`: nothing is ever overwritten). */
async function generateInto(dir: string): Promise<void> {
  const [merchant, platform] = await Promise.all([newRsaKeyPair(), newRsaKeyPair()]);
  const mchid = `16${digits(8)}`;
  const appid = `wx${randomBytes(8).toString('hex')}`;
  const serialNo = randomBytes(20).toString('hex').toUpperCase();
  const publicKeyId = `PUB_KEY_ID_01${mchid}${digits(20)}`;
  const apiV3Key = randomAlphanumeric(32);

  const merchantDir = path.join(dir, MERCHANT_DIR);
  await makePrivateDir(merchantDir);
  await writePrivateFile(path.join(merchantDir, MERCHANT_FILES.privateKey), merchant.privateKey);
  await writePrivateFile(path.join(merchantDir, MERCHANT_FILES.platformPublicKey), platform.publicKey);
  await writePrivateFile(
    path.join(merchantDir, MERCHANT_FILES.settings),
    `${JSON.stringify({ mchid, appid, serialNo, publicKeyId, apiV3Key }, null, 2)}\n`,
  );

  const platformDir = path.join(dir, PLATFORM_DIR);
  await makePrivateDir(platformDir);
  await writePrivateFile(path.join(platformDir, PLATFORM_FILES.privateKey), platform.privateKey);
  await writePrivateFile(path.join(platformDir, PLATFORM_FILES.merchantPublicKey), merchant.publicKey);
  const settings: PlatformSettings = { mchid, appid, merchantSerialNo: serialNo, publicKeyId, apiV3Key };
  await writePrivateFile(path.join(platformDir, PLATFORM_FILES.settings), `${JSON.stringify(settings, null, 2)}\n`);
}

const lostRace = (error: unknown) =>
  ['EEXIST', 'ENOTEMPTY', 'ENOENT'].includes(String((error as NodeJS.ErrnoException).code));

/** Moves each staged half into place unless it is already there; what is left over is a loser's copy. */
async function installStaged(dataDir: string): Promise<void> {
  const setup = path.join(dataDir, SETUP_DIR);
  if (!(await exists(setup))) return;
  for (const half of [MERCHANT_DIR, PLATFORM_DIR]) {
    try {
      await rename(path.join(setup, half), path.join(dataDir, half));
    } catch (error) {
      if (!lostRace(error)) throw error;
    }
  }
  await rm(setup, { recursive: true, force: true }).catch((error: unknown) => {
    // Another start renamed its own staged set onto the folder this one had just emptied (a rename may
    // replace an empty folder): that start installs from it next, and removes what is left.
    if (!lostRace(error)) throw error;
  });
}

/**
 * Creates both halves at first start, and only then. Two starts at once must not end with one's
 * merchant key and the other's platform record: each generates into its own temp folder, one rename
 * makes a single set the staged one (the other's rename fails and its set is dropped), and every
 * start installs the staged halves. A crash between the two moves is finished by the next start.
 */
export async function ensureWechatPayKeys(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await installStaged(dataDir);
  let state = await installedState(dataDir);
  if (state === 'complete') return;
  if (state === 'none') {
    const temp = await mkdtemp(path.join(dataDir, '.wechatpay-keys-'));
    try {
      await generateInto(temp);
      await rename(temp, path.join(dataDir, SETUP_DIR)).catch((error: unknown) => {
        if (!lostRace(error)) throw error;
      });
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }
  // Also when another start is between its two moves: its staged half is still there to install.
  await installStaged(dataDir);
  state = await installedState(dataDir);
  if (state !== 'complete') {
    throw new SimulatedKeysError(
      `${path.join(dataDir, MERCHANT_DIR)} and ${path.join(dataDir, PLATFORM_DIR)} belong together and one of ` +
        'them is incomplete: delete both folders to generate a new simulated merchant.',
    );
  }
}

async function readSimFile(dir: string, file: string): Promise<string> {
  try {
    return await readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SimulatedKeysError(`simulated WeChat Pay file missing: ${path.join(dir, file)}`, { cause: error });
    }
    throw error;
  }
}

export async function loadPlatformKeys(dataDir: string): Promise<PlatformKeys> {
  const dir = path.join(dataDir, PLATFORM_DIR);
  const [privatePem, merchantPem, settingsText] = await Promise.all([
    readSimFile(dir, PLATFORM_FILES.privateKey),
    readSimFile(dir, PLATFORM_FILES.merchantPublicKey),
    readSimFile(dir, PLATFORM_FILES.settings),
  ]);
  let settings: PlatformSettings;
  try {
    settings = platformSettingsSchema.parse(JSON.parse(settingsText));
  } catch (error) {
    throw new SimulatedKeysError(`${path.join(dir, PLATFORM_FILES.settings)} is not valid`, { cause: error });
  }
  return { ...settings, privateKey: createPrivateKey(privatePem), merchantPublicKey: createPublicKey(merchantPem) };
}
