import Taro from '@tarojs/taro';

/** The system's language tags, most preferred first. WeChat reports one: `zh_CN`, `zh_HK`, `zh_TW`, `en`. */
export function systemLanguageTags(): string[] {
  try {
    const { language } = Taro.getSystemInfoSync();
    return typeof language === 'string' ? [language] : [];
  } catch {
    // Not available (very old base library): fall through to the default.
    return [];
  }
}
