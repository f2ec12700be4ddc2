/** Every key this app writes to Taro storage (wx.setStorageSync on WeChat, localStorage on h5). */
export const STORAGE_KEYS = {
  /** The chosen UI language: 'zh-Hans' | 'zh-Hant' | 'en'. */
  language: 'cbc.lang',
  /** The card last chosen on the guides tab: 'zhonggangtong' | 'yuanyou'. */
  guidesCard: 'cbc.guides.card',
  /** Prefix of cached API replies; the rest of the key is the request path with its query (lang included). */
  cachePrefix: 'cbc.cache.v1:',
} as const;
