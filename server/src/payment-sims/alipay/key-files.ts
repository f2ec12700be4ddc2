import { createPublicKey, generateKeyPair, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Key files of one simulated payment family: a merchant folder and a platform folder under DATA_DIR,
 * each holding its own RSA-2048 private key and a copy of the other side's public key, as a real
 * merchant and platform would after exchanging public keys in a console. Shared by the Alipay and
 * bank-card simulations.
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
    privateKey: string;
    /** Where the merchant keeps the platform's public key. */
    platformPublicKey: string;
    /** The merchant's identity at the platform (`merchant.json`). */
    info: string;
    newInfo: () => Record<string, string>;
  };
  platform: {
    dir: string;
    privateKey: string;
    /** Where the platform keeps the merchant's public key. */
    merchantPublicKey: string;
    /** The platform's copy of the merchant's identity. */
    info: string;
  };
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const generateKeyPairAsync = promisify(generateKeyPair);

async function newPrivateKeyPem(): Promise<string> {
  const { privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return privateKey;
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

async function writePrivateFile(file: string, content: string): Promise<void> {
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
    [platform.privateKey]: await newPrivateKeyPem(),
  }));
  const merchantDir = await ensureFolder(dataDir, merchant.dir, async () => ({
    [merchant.privateKey]: await newPrivateKeyPem(),
    [merchant.info]: `${JSON.stringify(merchant.newInfo(), null, 2)}\n`,
  }));
  await assertComplete(platformDir, [platform.privateKey]);
  await assertComplete(merchantDir, [merchant.privateKey, merchant.info]);

  const platformPrivate = await readFile(path.join(platformDir, platform.privateKey), 'utf8');
  const merchantPrivate = await readFile(path.join(merchantDir, merchant.privateKey), 'utf8');
  await syncFile(merchantDir, merchant.platformPublicKey, publicPemOf(platformPrivate));
  await syncFile(platformDir, platform.merchantPublicKey, publicPemOf(merchantPrivate));
  await syncFile(platformDir, platform.info, await readFile(path.join(merchantDir, merchant.info), 'utf8'));
}
