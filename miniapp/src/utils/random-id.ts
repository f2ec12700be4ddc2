const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A random URL-safe id (`[A-Za-z0-9_-]`), for the device id and the simulated WeChat seed and nonce.
 * Uses the Web Crypto generator where there is one (h5); WeChat's JS runtime has no synchronous one,
 * and these ids only tell simulated devices apart, so Math.random is enough there.
 */
export function randomId(length: number): string {
  const bytes = new Uint8Array(length);
  const webCrypto = typeof crypto !== 'undefined' ? crypto : undefined;
  if (webCrypto && typeof webCrypto.getRandomValues === 'function') {
    webCrypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  let id = '';
  for (const byte of bytes) id += ALPHABET.charAt(byte & 63);
  return id;
}
