export { loadWechatPayMerchant, WechatPayConfigError, type WechatPayMerchant } from './merchant';
export { createWechatPayProvider, type WechatPayProviderDeps } from './provider';
export { wechatPayNotifyRoutes, WECHATPAY_NOTIFY_PATH, type WechatPayNotifyDeps } from './notify-route';
