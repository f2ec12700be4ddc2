import type { AddressInfo } from 'node:net';
import { maskEmail, maskPhone, type PaymentMethod } from '@cbc/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createAutoTopupService, type AutoTopupService } from '../auto-topup/service';
import { createCashierService, type CashierService } from '../cashier/service';
import type { SessionUser } from '../db/schema/index';
import { selfAwareTransport, type HttpTransport } from '../http/transport';
import { createJobs, type Jobs } from '../jobs/index';
import { createLedgerService, type LedgerService } from '../ledger/service';
import { purgeEndedCounters } from '../rate-counters/queries';
import { createOrdersService, type Orderer, type OrdersService } from '../orders/service';
import { createTripsService, type TripsService } from '../trips/service';
import { createNotificationOutbox, type NotificationOutbox } from '../payment-sims/outbox';
import type { PaymentProvider } from '../payments/provider';
import { createPaymentStack, type PaymentStack } from './payment-stack';

declare module 'fastify' {
  interface FastifyInstance {
    ledgerService: LedgerService;
    ordersService: OrdersService;
    tripsService: TripsService;
    autoTopupService: AutoTopupService;
    cashierService: CashierService;
    jobs: Jobs;
    /** The simulated platforms' notification outbox (tests inspect and drive it). */
    notificationOutbox: NotificationOutbox;
    payments: PaymentStack;
    /** The session's user as the orders feature sees them. */
    ordererOf(user: SessionUser): Orderer;
    /** Origin the payment platforms call back (notify URLs) and the merchant calls the simulated platform on. */
    publicBaseUrl(): string;
  }
}

export interface TopupPluginOptions {
  /** How provider calls and notifications travel; by default `inject` within this process, real HTTP beyond it. */
  transport?: HttpTransport;
  /** Tests may put another provider behind a method family (the clock is swapped in buildApp). */
  providers?: Partial<Record<PaymentMethod, PaymentProvider>>;
}

/** The address the server answers on, for calls it makes to itself (0.0.0.0 is not an address to call). */
function listeningOrigin(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo | string | null;
  const port = address && typeof address === 'object' ? address.port : app.config.port;
  const host = ['0.0.0.0', '::', ''].includes(app.config.host) ? '127.0.0.1' : app.config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Top-up composed in one place: ledger, orders, payment providers (merchant side), the simulated
 * platforms and their notification outbox, the cashier and the background jobs.
 */
export default fp<TopupPluginOptions>(
  async (app, options) => {
    const { config, db, clock, log } = app;
    // Asked for on every provider call: kept once listening (a server listens once, on one address).
    let listeningAt: string | undefined;
    const ownOrigin = () => (app.server.listening ? (listeningAt ??= listeningOrigin(app)) : listeningOrigin(app));
    const publicBaseUrl = () => config.topup.publicBaseUrl ?? ownOrigin();
    app.decorate('publicBaseUrl', publicBaseUrl);
    // Before listening (API tests), calls to the public origin are ours; once listening, only calls to
    // the address this process answers on are: a PUBLIC_BASE_URL in front (proxy, load balancer) is crossed.
    const isThisProcess = (origin: string) => origin === (app.server.listening ? ownOrigin() : publicBaseUrl());
    const transport = options.transport ?? selfAwareTransport(app, isThisProcess);

    const stack = await createPaymentStack({
      dataDir: config.dataDir,
      wechatpayBaseUrl: config.topup.wechatpayBaseUrl,
      publicBaseUrl,
      db,
      clock,
      transport,
      hasher: app.keyedHasher,
      messages: app.messagesService,
      outbox: () => outbox,
      overrides: options.providers ?? {},
    });
    const outbox = createNotificationOutbox({
      db,
      clock,
      transport,
      formats: stack.notificationFormats,
      log: log.child({ component: 'sim-notifications' }),
      timeScale: config.topup.simNotifyTimeScale,
      probeRate: config.topup.simProbeRate,
    });
    app.decorate('payments', stack);
    app.decorate('notificationOutbox', outbox);

    const ledger = createLedgerService({ db });
    app.decorate('ledgerService', ledger);
    const orders = createOrdersService({
      db,
      clock,
      config: config.topup,
      cards: app.cardsService,
      ledger,
      messages: app.messagesService,
      providerFor: stack.providerFor,
      log: log.child({ component: 'orders' }),
    });
    app.decorate('ordersService', orders);
    app.decorate(
      'tripsService',
      createTripsService({
        db,
        clock,
        cards: app.cardsService,
        ledger,
        messages: app.messagesService,
        log: log.child({ component: 'trips' }),
        onLowBalance: (trip) => autoTopup.afterTrip(trip),
      }),
    );
    app.decorate('ordererOf', (user: SessionUser) => ({
      id: user.id,
      payerOpenid: stack.payerOpenid(user),
      receiptSmsTo: user.phoneE164 ? maskPhone(user.phoneE164) : null,
      receiptEmailTo: user.email ? maskEmail(user.email) : null,
    }));

    const jobs = createJobs({
      orders,
      outbox,
      housekeeping: (now) => purgeEndedCounters(db, now),
      clock,
      intervalMs: config.topup.jobIntervalMs,
      log: log.child({ component: 'jobs' }),
    });
    app.decorate('jobs', jobs);
    app.decorate('cashierService', createCashierService({ orders, platformFor: stack.platformFor, jobs }));
    const autoTopup = createAutoTopupService({
      db,
      clock,
      cards: app.cardsService,
      orders,
      messages: app.messagesService,
      platformFor: stack.platformFor,
      jobs,
      log: log.child({ component: 'auto-topup' }),
    });
    app.decorate('autoTopupService', autoTopup);

    for (const routes of stack.routes(orders.applyProviderTrade)) await app.register(routes);

    // Jobs start once every route (the notify routes above all) can answer, and stop before the
    // database closes so no run is cut off half-way.
    app.addHook('onReady', async () => jobs.start());
    // Auto top-ups still running finish before the jobs stop and the database closes.
    app.addHook('preClose', async () => {
      await autoTopup.idle();
      await jobs.stop();
    });
  },
  { name: 'topup', dependencies: ['db', 'services'] },
);
