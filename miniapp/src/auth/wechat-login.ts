/**
 * Platform files provide this module: `wechat-login.weapp.ts` (the real `wx.login()`) and
 * `wechat-login.h5.ts` (the browser build's simulated WeChat). Taro picks the file of the platform
 * being built; this one is what the type checker sees, and what any other platform would get.
 */
export async function getWechatLoginCode(): Promise<string> {
  throw new Error(`WeChat login is not available on ${process.env.TARO_ENV}`);
}
