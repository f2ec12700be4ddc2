import { SIMULATED_WECHAT_CODE_PREFIX, WECHAT_CODE_TTL_SECONDS, parseSimulatedWechatCode } from '@cbc/shared';
import type { KeyedHasher } from '../security/keyed-hash';
import { WechatCodeError } from './errors';

/** A simulated code issued this far in the future is refused: the device clock is wrong or the code forged. */
export const WECHAT_CODE_MAX_CLOCK_SKEW_SECONDS = 60;
const OPENID_LENGTH = 28;

export interface WechatIdentity {
  openid: string;
  /** Keyed hash of the code, recorded so the code works once. */
  codeHash: string;
}

/**
 * A simulated code2Session (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html):
 * the real one trades a `wx.login()` code for the user's openid, accepts each code once and refuses it
 * after 5 minutes. Here a simulated code (browser build) names its identity (`seed`) and issue time;
 * any other code (a real `wx.login()` code in WeChat DevTools) is its own identity. The openid is
 * derived from the identity under the app secret, so it is stable, 28 characters like WeChat's, and
 * reveals nothing about the seed. Single use is enforced by the caller with `codeHash`.
 */
export function exchangeWechatCode(code: string, now: Date, hasher: KeyedHasher): WechatIdentity {
  let identity = code;
  if (code.startsWith(`${SIMULATED_WECHAT_CODE_PREFIX}.`)) {
    const simulated = parseSimulatedWechatCode(code);
    if (!simulated) throw new WechatCodeError('WECHAT_CODE_INVALID');
    const ageMs = now.getTime() - simulated.issuedAt;
    if (ageMs > WECHAT_CODE_TTL_SECONDS * 1000 || -ageMs > WECHAT_CODE_MAX_CLOCK_SKEW_SECONDS * 1000) {
      throw new WechatCodeError('WECHAT_CODE_EXPIRED');
    }
    identity = simulated.seed;
  }
  const openid = `o${hasher
    .digest('wechat', identity)
    .toString('base64url')
    .slice(0, OPENID_LENGTH - 1)}`;
  return { openid, codeHash: hasher.hash('wechat-code', code) };
}
