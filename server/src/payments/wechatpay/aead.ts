import { createDecipheriv } from 'node:crypto';

/**
 * AEAD_AES_256_GCM as WeChat Pay v3 uses it for notification resources (shared/PAYMENTS.md §4): key =
 * the 32 ASCII bytes of the APIv3 key, IV = the 12 nonce characters, AAD = `associated_data`,
 * ciphertext = base64(encrypted bytes ‖ 16-byte tag). The tag is always checked: a decryption that
 * skips it (as one SDK does) accepts a forged resource.
 */

const TAG_BYTES = 16;
export const AEAD_NONCE_LENGTH = 12;

export class AeadDecryptError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AeadDecryptError';
  }
}

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new AeadDecryptError('the APIv3 key must be 32 bytes');
  return key;
}

/** Throws AeadDecryptError when the tag does not match (wrong key, tampered ciphertext, nonce or AAD). */
export function decryptResource(apiV3Key: string, ciphertext: string, nonce: string, associatedData: string): string {
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length <= TAG_BYTES) throw new AeadDecryptError('ciphertext shorter than its tag');
  if (Buffer.byteLength(nonce, 'utf8') !== AEAD_NONCE_LENGTH) throw new AeadDecryptError('nonce must be 12 bytes');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    throw new AeadDecryptError('resource failed authentication', { cause: error });
  }
}
