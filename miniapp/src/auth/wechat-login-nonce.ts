import { randomId } from '../utils/random-id';

/**
 * Platform files provide this module: `wechat-login-nonce.weapp.ts` uses the real `wx.login()` code.
 * This one serves the browser build (and the type checker): there is no WeChat, so a random nonce.
 */
export async function singleUseLoginNonce(): Promise<string> {
  return randomId(16);
}
