import { generateKeyPairSync } from 'node:crypto';

/** A key nobody registered: what a forger signs with. */
export const otherPrivatePem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
