import Taro from '@tarojs/taro';

/**
 * The real login code from WeChat (valid 5 minutes, single use); the server exchanges it
 * (code2Session, simulated there): https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html
 */
export async function getWechatLoginCode(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new Error('wx.login returned no code');
  return code;
}
