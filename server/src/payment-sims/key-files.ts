import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Key files of one simulated payment family: a merchant folder and a platform folder under DATA_DIR,
 * each holding its own RSA-2048 private key and a copy of the other side's public key, as a real
 * merchant and platform would after exchanging public keys in a console. Used by the Alipay and
 * bank-card simulations; the simulated WeChat Pay lays out its halves its own way (wechatpay/keys.ts)
 * with the same file primitives (newRsaKeyPair, writePrivateFile).
 *
 * Created once, never regenerated: a new key would orphan every signature already out there. Several
 * processes may start at once on one DATA_DIR (a test run, a restart overlapping a shutdown), so each
 * folder is built in a temporary folder and renamed into place: the first rename wins, the others
 * read the winner's keys. The public-key copies are derived from the winners' private keys, so every
 * process writes the same bytes and a crash between the steps is repaired at the next start.
 */
export interface PaymentKeyLayout {
  merchant: {
    dir: string;
    files: {
      privateKey: string;
      /** Where the merchant keeps the platform's public key. */
      platformPublicKey: string;
      /** The merchant's identity at the platform (`merchant.json`). */
      info: string;
    };
  };
  platform: {
    dir: string;
    files: {
      privateKey: string;
      /** Where the platform keeps the merchant's public key. */
      merchantPublicKey: string;
      /** The platform's copy of the merchant's identity. */
      info: string;
    };
  };
  /** The field of `info` that names the merchant (`app_id`, `merchant_id`). */
  idField: string;
  /** A new merchant id, at first start. */
  newId: () => string;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const generateKeyPairAsync = promisify(generateKeyPair);

/** A new RSA-2048 key pair: the private key PKCS#8, the public key SPKI, both PEM. */
export async function newRsaKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  return generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

function publicPemOf(privatePem: string): string {
  return createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString();
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Creates `file` (never overwrites one) readable by its owner only. */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await writeFile(file, content, { mode: FILE_MODE, flag: 'wx' });
  // The mode given to writeFile is filtered by the umask; make sure no one else can read a key.
  await chmod(file, FILE_MODE);
}

async function assertComplete(dir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    try {
      await stat(path.join(dir, file));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      throw new Error(`${dir} has no ${file}: delete the folder to generate new simulated keys`, { cause: error });
    }
  }
}

/** `dataDir/name` with the generated files, created unless it exists; returns its path. */
async function ensureFolder(
  dataDir: string,
  name: string,
  generate: () => Promise<Record<string, string>>,
): Promise<string> {
  const dir = path.join(dataDir, name);
  if (await isDirectory(dir)) return dir;
  await mkdir(dataDir, { recursive: true });
  const staging = await mkdtemp(path.join(dataDir, `.${name}-`));
  try {
    for (const [file, content] of Object.entries(await generate())) {
      await writePrivateFile(path.join(staging, file), content);
    }
    await chmod(staging, DIR_MODE);
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process renamed its folder first: use that one.
    if (errorCode(error) === 'ENOTEMPTY' || errorCode(error) === 'EEXIST') return dir;
    throw error;
  }
  return dir;
}

/** Puts `content` in `dir/file` unless it is already there, by an atomic replace (never a half-written file). */
async function syncFile(dir: string, file: string, content: string): Promise<void> {
  const target = path.join(dir, file);
  try {
    if ((await readFile(target, 'utf8')) === content) return;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  const temp = path.join(dir, `.${file}.${randomBytes(6).toString('hex')}`);
  try {
    await writePrivateFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function ensurePaymentKeys(dataDir: string, layout: PaymentKeyLayout): Promise<void> {
  const { merchant, platform } = layout;
  const platformDir = await ensureFolder(dataDir, platform.dir, async () => ({
    [platform.files.privateKey]: (await newRsaKeyPair()).privateKey,
  }));
  const merchantDir = await ensureFolder(dataDir, merchant.dir, async () => ({
    [merchant.files.privateKey]: (await newRsaKeyPair()).privateKey,
    [merchant.files.info]: `${JSON.stringify({ [layout.idField]: layout.newId() }, null, 2)}\n`,
  }));
  await assertComplete(platformDir, [platform.files.privateKey]);
  await assertComplete(merchantDir, [merchant.files.privateKey, merchant.files.info]);

  const platformPrivate = await readFile(path.join(platformDir, platform.files.privateKey), 'utf8');
  const merchantPrivate = await readFile(path.join(merchantDir, merchant.files.privateKey), 'utf8');
  await syncFile(merchantDir, merchant.files.platformPublicKey, publicPemOf(platformPrivate));
  await syncFile(platformDir, platform.files.merchantPublicKey, publicPemOf(merchantPrivate));
  await syncFile(platformDir, platform.files.info, await readFile(path.join(merchantDir, merchant.files.info), 'utf8'));
}

export interface PlatformKeyFiles {
  /** The one merchant the simulated platform serves: `idField` of its info file. */
  merchantId: string;
  privateKey: KeyObject;
  merchantPublicKey: KeyObject;
}

/** The platform's half, as ensurePaymentKeys left it. */
export async function loadPlatformKeyFiles(dataDir: string, layout: PaymentKeyLayout): Promise<PlatformKeyFiles> {
  const { dir: name, files } = layout.platform;
  const dir = path.join(dataDir, name);
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  const info = JSON.parse(await read(files.info)) as Record<string, unknown>;
  const merchantId = info[layout.idField];
  if (typeof merchantId !== 'string') throw new Error(`${path.join(dir, files.info)} has no ${layout.idField}`);
  return {
    merchantId,
    privateKey: createPrivateKey(await read(files.privateKey)),
    merchantPublicKey: createPublicKey(await read(files.merchantPublicKey)),
  };
}
