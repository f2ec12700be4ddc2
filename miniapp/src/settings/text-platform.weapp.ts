import Taro from '@tarojs/taro';

/**
 * WeChat's 「我-设置-通用-字体大小」 in px: 17 is 标准 (https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getSystemInfoSync.html,
 * `fontSizeSetting`). Mini-program styles do not follow it by themselves, so a larger setting turns
 * 大字模式 on until the user chooses on the 我的 page.
 */
const WECHAT_STANDARD_FONT_PX = 17;

export function systemPrefersLargeText(): boolean {
  try {
    const { fontSizeSetting } = Taro.getSystemInfoSync();
    return typeof fontSizeSetting === 'number' && fontSizeSetting > WECHAT_STANDARD_FONT_PX;
  } catch {
    return false;
  }
}

/**
 * Nothing global to do: WeChat has no document to style (a page's `page` node takes no class), so each
 * page root carries the class (useTextSizeClass), and WeChat draws its own toasts, modals and tab bar.
 */
export function applyTextSize(): void {
  // Intentionally empty; see above.
}
