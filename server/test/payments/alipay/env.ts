import {
  createAlipayNotificationFormat,
  ensureAlipayKeys,
  loadAlipayPlatformKeys,
} from '../../../src/payment-sims/alipay/index';
import { alipayNotifyRoutes, loadAlipayMerchant } from '../../../src/payments/alipay/index';
import { createPaymentEnv, type PaymentEnv } from '../payment-env';

/** The payment env of the Alipay tests: Alipay's key files, the merchant's notify routes, Alipay's notification format. */
export function createAlipayEnv(): Promise<PaymentEnv> {
  return createPaymentEnv({
    prepareKeys: ensureAlipayKeys,
    routes: async ({ dataDir, onPaid }) => alipayNotifyRoutes({ merchant: await loadAlipayMerchant(dataDir), onPaid }),
    format: async (dataDir) => createAlipayNotificationFormat(await loadAlipayPlatformKeys(dataDir)),
  });
}
