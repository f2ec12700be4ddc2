export { createAlipayProvider, type AlipayProviderDeps } from './provider';
export { loadAlipayMerchant, ALIPAY_MERCHANT_DIR, type AlipayMerchant } from './keys';
export { alipayNotifyRoutes, ALIPAY_NOTIFY_PATH, type AlipayNotifyOptions } from './notify-routes';
export type { AlipayGateway, AlipayParams, AlipayResponse } from './protocol';
