import { makeSimulatedWechatCode } from '@cbc/shared';
import { STORAGE_KEYS } from '../constants/storage-keys';
import { randomId } from '../utils/random-id';
import { readStorage, writeStorage } from '../utils/storage';
import { singleUseLoginNonce } from './wechat-login-nonce';

const SEED = /^[A-Za-z0-9_-]{16,43}$/;

/** This device's simulated WeChat identity: one random seed, kept in storage. */
function simulatedWechatSeed(): string {
  const stored = readStorage(STORAGE_KEYS.wechatSeed);
  if (typeof stored === 'string' && SEED.test(stored)) return stored;
  const seed = randomId(22);
  writeStorage(STORAGE_KEYS.wechatSeed, seed);
  return seed;
}

/**
 * The code the server's simulated code2Session exchanges. A real exchange needs the mini-program's
 * AppSecret, which a simulation does not have, so the server could only treat every real code as a new
 * user. The code therefore carries the device's simulated identity (same seed → same openid, so a
 * returning user keeps their account, as with a real openid), when it was issued (codes expire after
 * 5 minutes) and a single-use nonce: inside WeChat the real `wx.login()` code, in the browser a random one.
 */
export async function getWechatLoginCode(): Promise<string> {
  return makeSimulatedWechatCode({
    seed: simulatedWechatSeed(),
    issuedAt: Date.now(),
    nonce: await singleUseLoginNonce(),
  });
}
