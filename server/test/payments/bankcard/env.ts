import {
  createBankcardNotificationFormat,
  ensureBankcardKeys,
  loadBankcardPlatformKeys,
} from '../../../src/payment-sims/bankcard/index';
import { bankcardNotifyRoutes, loadBankcardMerchant } from '../../../src/payments/bankcard/index';
import { createPaymentEnv, type PaymentEnv } from '../payment-env';

/** The payment env of the bank-card tests: the bank's key files, the merchant's notify routes, the bank's notification format. */
export function createBankcardEnv(): Promise<PaymentEnv> {
  return createPaymentEnv({
    prepareKeys: ensureBankcardKeys,
    routes: async ({ dataDir, onPaid, time }) =>
      bankcardNotifyRoutes({ merchant: await loadBankcardMerchant(dataDir), clock: time.clock, onPaid }),
    format: async (dataDir) => createBankcardNotificationFormat(await loadBankcardPlatformKeys(dataDir)),
  });
}
