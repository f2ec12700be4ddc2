import type { BankApi } from '../../payments/bankcard/protocol';
import type { SimulatedPlatform } from '../platform';
import { createBankcardApi } from './api';
import { createBankcardCashier, type BankcardCashierDeps } from './cashier';

export { ensureBankcardKeys, loadBankcardPlatformKeys, BANKCARD_SIM_DIR, type BankcardPlatformKeys } from './keys';
export { createBankcardNotificationFormat } from './notification';
export { simulatedCardMasked } from './cashier';

/** The simulated card acquirer: the cardholder's cashier (SimulatedPlatform) and the merchant's API (BankApi). */
export type BankcardSim = SimulatedPlatform & BankApi;
export type BankcardSimDeps = BankcardCashierDeps;

export function createBankcardSim(deps: BankcardSimDeps): BankcardSim {
  return { ...createBankcardCashier(deps), ...createBankcardApi(deps) };
}
