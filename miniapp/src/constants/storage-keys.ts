/** Every key this app writes to Taro storage (wx.setStorageSync on WeChat, localStorage on h5). */
export const STORAGE_KEYS = {
  /** The chosen UI language: 'zh-Hans' | 'zh-Hant' | 'en'. */
  language: 'cbc.lang',
  /** The card last chosen on the guides tab: 'zhonggangtong' | 'yuanyou'. */
  guidesCard: 'cbc.guides.card',
  /** Prefix of cached API replies; the rest of the key is the request path with its query (lang included). */
  cachePrefix: 'cbc.cache.v1:',
  /** The logged-in session `{ token, expiresAt, user }` (the shared Session shape); removed on logout or 401. */
  session: 'cbc.session.v1',
  /** This device's random id, sent as `x-device-id` on every request (the inbox before login). */
  deviceId: 'cbc.device-id',
  /** 大字模式 chosen on the 我的 page: 'large' | 'standard'; absent means "follow WeChat's / the browser's text size". */
  textSize: 'cbc.text-size',
  /** Prefix of a guide's or channel's ticked checklist items (their indexes); the rest is the list's id. */
  checklistPrefix: 'cbc.checklist.v1:',
  /** h5 only: the seed of the browser's simulated WeChat identity (the same seed → the same WeChat account). */
  wechatSeed: 'cbc.wechat-sim.seed',
} as const;
