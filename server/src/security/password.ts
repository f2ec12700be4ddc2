import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (RFC 7914), memory-hard so GPU guessing of a leaked hash is slow.
 * Parameters follow OWASP's Password Storage Cheat Sheet (N=2^15, r=8, p=1:
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt). They are
 * stored with each hash (`scrypt$15$8$1$salt$hash`), so raising them later keeps old hashes valid.
 */

const LOG_N = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/** scrypt needs 128·N·r bytes (32 MiB here); Node's default cap is exactly 32 MiB, so leave headroom. */
const MAX_MEMORY = 128 * 1024 * 1024;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, KEY_LENGTH, {
    N: 2 ** LOG_N,
    r: BLOCK_SIZE,
    p: PARALLELISM,
    maxmem: MAX_MEMORY,
  });
  return ['scrypt', LOG_N, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password and for a malformed stored hash; never throws on user input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, saltText, keyText, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !saltText || !keyText) return false;
  const params = [logN, r, p].map(Number) as [number, number, number];
  // Bounds keep a tampered row from making one login allocate gigabytes.
  if (!params.every(Number.isInteger) || params[0] < 10 || params[0] > 20 || params[1] < 1 || params[1] > 32)
    return false;
  if (params[2] < 1 || params[2] > 16) return false;
  const salt = Buffer.from(saltText, 'base64url');
  const expected = Buffer.from(keyText, 'base64url');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password, salt, expected.length, {
    N: 2 ** params[0],
    r: params[1],
    p: params[2],
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(actual, expected);
}
