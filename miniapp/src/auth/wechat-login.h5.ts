import { makeSimulatedWechatCode } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { randomId } from '../utils/random-id';
import { readStorage, writeStorage } from '../utils/storage';

const SEED = /^[A-Za-z0-9_-]{16,43}$/;

/** The browser's simulated WeChat identity: one random seed per device, kept in storage. */
function simulatedWechatSeed(): string {
  const stored = readStorage(STORAGE_KEYS.wechatSeed);
  if (typeof stored === 'string' && SEED.test(stored)) return stored;
  const seed = randomId(22);
  writeStorage(STORAGE_KEYS.wechatSeed, seed);
  return seed;
}

/**
 * The browser has no `wx.login()`: a simulated code carries the device's seed (same seed → same
 * simulated openid on the server), the time it was issued (codes expire) and a nonce (single use).
 */
export async function getWechatLoginCode(): Promise<string> {
  return makeSimulatedWechatCode({ seed: simulatedWechatSeed(), issuedAt: Date.now(), nonce: randomId(16) });
}
