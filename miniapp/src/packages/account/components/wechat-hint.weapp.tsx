/** In WeChat, 微信登录 is WeChat's own: nothing to explain under it. */
export function WechatHint() {
  return null;
}
