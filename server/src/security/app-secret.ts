import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SECRET_FILE_NAME = 'secret.key';
const GENERATED_SECRET_BYTES = 32;

/**
 * The key of every keyed hash the server stores (SMS codes, card and ID numbers, openids). APP_SECRET
 * wins; without it a random key is generated once and kept in DATA_DIR/secret.key (mode 0600), so a
 * restart still recognises a bound card or a WeChat user. Losing the file only breaks those matches,
 * never exposes data: nothing stored can be reversed with it.
 */
export async function resolveAppSecret(appSecret: string | undefined, dataDir: string): Promise<Buffer> {
  if (appSecret !== undefined) return Buffer.from(appSecret, 'utf8');
  const file = path.join(dataDir, SECRET_FILE_NAME);
  try {
    const stored = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
    if (stored.length >= GENERATED_SECRET_BYTES) return stored;
    throw new Error(`${file} does not hold a ${GENERATED_SECRET_BYTES}-byte key; delete it or set APP_SECRET`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(GENERATED_SECRET_BYTES);
  // Written whole under a name of its own, then linked into place: the key file appears complete or not at
  // all. Created in place, a second instance starting at the same moment could read it still empty.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(draft, `${secret.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    // The mode given to writeFile is filtered by the umask; make sure no one else can read the key.
    await chmod(draft, 0o600);
    // A link, unlike a rename, fails when the name is taken: two instances never replace each other's key.
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return resolveAppSecret(undefined, dataDir);
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return secret;
}
