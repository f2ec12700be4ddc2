import type { AlipayGateway } from '../../payments/alipay/protocol';
import type { SimulatedPlatform } from '../platform';
import { createAlipayCashier, type AlipayCashierDeps } from './cashier';
import { createAlipayGateway } from './gateway';

export { ensureAlipayKeys, loadAlipayPlatformKeys, ALIPAY_SIM_DIR, type AlipayPlatformKeys } from './keys';
export { createAlipayNotificationFormat } from './notification';

/** The simulated Alipay: the payer's cashier (SimulatedPlatform) and the merchant's gateway (AlipayGateway). */
export type AlipaySim = SimulatedPlatform & AlipayGateway;
export type AlipaySimDeps = AlipayCashierDeps;

export function createAlipaySim(deps: AlipaySimDeps): AlipaySim {
  return { ...createAlipayCashier(deps), ...createAlipayGateway(deps) };
}
