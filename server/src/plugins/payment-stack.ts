import { createHash } from 'node:crypto';
import type { PaymentMethod } from '@cbc/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database, SessionUser } from '../db/schema/index';
import type { HttpTransport } from '../http/transport';
import type { MessagesService } from '../messages/service';
import { createAlipaySim, ensureAlipayKeys, loadAlipayPlatformKeys } from '../payment-sims/alipay/index';
import { createBankcardSim, ensureBankcardKeys, loadBankcardPlatformKeys } from '../payment-sims/bankcard/index';
import type { NotificationFormat, NotificationOutbox } from '../payment-sims/outbox';
import type { SimulatedPlatform } from '../payment-sims/platform';
import { createWechatPaySimulator, ensureWechatPayKeys } from '../payment-sims/wechatpay/index';
import {
  ALIPAY_NOTIFY_PATH,
  alipayNotifyRoutes,
  createAlipayProvider,
  loadAlipayMerchant,
} from '../payments/alipay/index';
import {
  BANKCARD_NOTIFY_PATH,
  bankcardNotifyRoutes,
  createBankcardProvider,
  loadBankcardMerchant,
} from '../payments/bankcard/index';
import type { PaymentNotificationHandler, PaymentProvider } from '../payments/provider';
import {
  WECHATPAY_NOTIFY_PATH,
  createWechatPayProvider,
  loadWechatPayMerchant,
  wechatPayNotifyRoutes,
} from '../payments/wechatpay/index';
import type { KeyedHasher } from '../security/keyed-hash';

/**
 * Every payment method behind one object: the merchant-side provider, the simulated platform the
 * cashier talks to, and the routes both need. The simulated platforms are the stand-ins for WeChat
 * Pay, Alipay and the card acquirer; with `WECHATPAY_BASE_URL` set, WeChat Pay's is not mounted and
 * the merchant client talks to that origin instead (with the merchant files in DATA_DIR/wechatpay).
 */
export interface PaymentStack {
  providerFor(method: PaymentMethod): PaymentProvider;
  platformFor(method: PaymentMethod): SimulatedPlatform;
  notificationFormats: NotificationFormat[];
  /** The payer's openid under the merchant's appid: the WeChat login's, else a stable simulated one. */
  payerOpenid(user: SessionUser): string;
  /** Notify routes (merchant side) and the simulated platforms' own HTTP APIs. */
  routes(onPaid: PaymentNotificationHandler): FastifyPluginAsync[];
}

export interface PaymentStackDeps {
  dataDir: string;
  wechatpayBaseUrl: string | undefined;
  publicBaseUrl: () => string;
  db: Kysely<Database>;
  clock: Clock;
  transport: HttpTransport;
  hasher: KeyedHasher;
  messages: MessagesService;
  /** Built after the stack (it needs the stack's formats), hence reached lazily. */
  outbox: () => NotificationOutbox;
  overrides: Partial<Record<PaymentMethod, PaymentProvider>>;
}

export async function createPaymentStack(deps: PaymentStackDeps): Promise<PaymentStack> {
  const { dataDir, db, clock, transport, publicBaseUrl } = deps;
  const outbox: Pick<NotificationOutbox, 'enqueue'> = {
    enqueue: (notification, executor) => deps.outbox().enqueue(notification, executor),
  };
  const notifyUrl = (path: string) => `${publicBaseUrl()}${path}`;

  // WeChat Pay: a real v3 client over HTTP, to the simulated platform on this origin unless configured.
  const simulateWechatPay = deps.wechatpayBaseUrl === undefined;
  if (simulateWechatPay) await ensureWechatPayKeys(dataDir);
  const wechatSim = simulateWechatPay ? await createWechatPaySimulator({ dataDir, db, clock, outbox }) : undefined;
  const wechatMerchant = await loadWechatPayMerchant(dataDir);
  const wechatpay = createWechatPayProvider({
    merchant: wechatMerchant,
    baseUrl: () => deps.wechatpayBaseUrl ?? publicBaseUrl(),
    notifyUrl: () => notifyUrl(WECHATPAY_NOTIFY_PATH),
    transport,
    clock,
  });

  // Alipay and the card acquirer are simulated only; their providers call the simulators in process.
  await ensureAlipayKeys(dataDir);
  const alipaySim = createAlipaySim({ db, clock, outbox, keys: await loadAlipayPlatformKeys(dataDir) });
  const alipayMerchant = await loadAlipayMerchant(dataDir);
  const alipay = createAlipayProvider({
    merchant: alipayMerchant,
    gateway: alipaySim,
    notifyUrl: notifyUrl(ALIPAY_NOTIFY_PATH),
    clock,
  });

  await ensureBankcardKeys(dataDir);
  const bankSim = createBankcardSim({
    db,
    clock,
    outbox,
    keys: await loadBankcardPlatformKeys(dataDir),
    hasher: deps.hasher,
    messages: deps.messages,
  });
  const bankMerchant = await loadBankcardMerchant(dataDir);
  const bankcard = createBankcardProvider({
    merchant: bankMerchant,
    bank: bankSim,
    notifyUrl: notifyUrl(BANKCARD_NOTIFY_PATH),
    clock,
  });

  const providers: Record<PaymentMethod, PaymentProvider> = {
    wechatpay,
    alipay,
    unionpay: bankcard,
    credit_card: bankcard,
    ...deps.overrides,
  };
  const platforms: Partial<Record<PaymentMethod, SimulatedPlatform>> = {
    ...(wechatSim ? { wechatpay: wechatSim } : {}),
    alipay: alipaySim,
    unionpay: bankSim,
    credit_card: bankSim,
  };

  return {
    providerFor: (method) => providers[method],
    platformFor(method) {
      const platform = platforms[method];
      // Only with a real WeChat Pay configured: the client then calls requestPayment, not our cashier.
      if (!platform) throw new Error(`no simulated cashier for ${method}`);
      return platform;
    },
    notificationFormats: [
      ...(wechatSim ? [wechatSim.notificationFormat] : []),
      alipaySim.notificationFormat,
      bankSim.notificationFormat,
    ],
    payerOpenid: (user) =>
      user.wechatOpenid ?? `o${createHash('sha256').update(`payer:${user.id}`).digest('base64url').slice(0, 27)}`,
    routes: (onPaid) => [
      ...(wechatSim ? [wechatSim.routes] : []),
      wechatPayNotifyRoutes({ merchant: wechatMerchant, clock, onPaid }),
      alipayNotifyRoutes({ merchant: alipayMerchant, onPaid }),
      bankcardNotifyRoutes({ merchant: bankMerchant, clock, onPaid }),
    ],
  };
}
