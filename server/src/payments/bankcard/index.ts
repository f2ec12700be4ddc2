export { createBankcardProvider, type BankcardProviderDeps } from './provider';
export { loadBankcardMerchant, BANKCARD_MERCHANT_DIR, type BankcardMerchant } from './keys';
export { bankcardNotifyRoutes, BANKCARD_NOTIFY_PATH, type BankcardNotifyOptions } from './notify-routes';
export type { BankApi, BankReply, BankRequest, BankPayment } from './protocol';
