import Taro from '@tarojs/taro';
import { randomId } from '../utils/random-id';

// The simulated code's nonce alphabet (shared parseSimulatedWechatCode); real codes are 32 such characters.
const NONCE = /^[A-Za-z0-9_-]{8,32}$/;

/**
 * The real login code from WeChat (valid 5 minutes, single use) as the nonce of the simulated code:
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html
 */
export async function singleUseLoginNonce(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new Error('wx.login returned no code');
  return NONCE.test(code) ? code : randomId(16);
}
