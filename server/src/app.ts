import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import authRoutes from './auth/index';
import autoTopupRoutes from './auto-topup/index';
import cashierRoutes from './cashier/index';
import cardsRoutes from './cards/index';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import guidesRoutes from './guides/index';
import type { GuidesService } from './guides/service';
import healthRoutes from './health/index';
import historyRoutes from './history/index';
import { lazyChildLogger } from './http/lazy-child-logger';
import { contractSerializerCompiler } from './http/serializer-compiler';
import { localizedValidatorCompiler } from './http/validator-compiler';
import messagesRoutes from './messages/index';
import ordersRoutes from './orders/index';
import tripsRoutes from './trips/index';
import type { HttpTransport } from './http/transport';
import type { PaymentProvider } from './payments/provider';
import type { PaymentMethod } from '@cbc/shared';
import authPlugin from './plugins/auth';
import compression from './plugins/compression';
import dbPlugin from './plugins/db';
import errorHandler, { sendError } from './plugins/error-handler';
import openapi from './plugins/openapi';
import { clientErrorHandler } from './plugins/client-error';
import security, { API_SECURITY_HEADERS } from './plugins/security';
import services from './plugins/services';
import staticSite, { inlineScriptHashes, readH5Index } from './plugins/static-site';
import topup from './plugins/topup';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** "Now" for everything that expires; tests pass a clock they can move. */
    clock: Clock;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface BuildAppOptions {
  /** Where pino writes (stdout by default); tests pass a stream to read the log. */
  logStream?: DestinationStream;
  /** Guide content service; tests may pass one over fixture content. */
  guidesService?: GuidesService;
  /** The time source (SMS codes, WeChat codes, sessions, resend throttle); the system clock by default. */
  clock?: Clock;
  /** How payment calls and notifications travel (real HTTP once listening, `inject` before, by default). */
  transport?: HttpTransport;
  /** Another provider behind a payment method (tests of provider failures). */
  paymentProviders?: Partial<Record<PaymentMethod, PaymentProvider>>;
}

/**
 * Pieces of the log that may carry credentials or personal data. Fastify's request serializer logs
 * neither headers nor bodies, and no code here logs a body; the paths are here so a later
 * `log.info({ req })`, a header-logging serializer or a library's debug line (multipart logs its
 * busboy options, headers included, at trace level) cannot leak a token, a password, a code or an ID.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'busboyOptions.headers.authorization',
  'busboyOptions.headers.cookie',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
  'request.body',
  'password',
  '*.password',
  'smsCode',
  '*.smsCode',
  'token',
  '*.token',
  'idDocument',
  '*.idDocument',
  // Payment keys and decrypted notification resources never belong in a log line.
  'privateKey',
  '*.privateKey',
  'apiV3Key',
  '*.apiV3Key',
  'resource',
  '*.resource',
];

/**
 * The whole application as one instance that is not listening yet: tests call `inject`, the entry
 * point (server.ts) calls `listen`. Plugins load on `ready()`: the database opens and migrates then.
 */
export function buildApp(config: Config, options: BuildAppOptions = {}): App {
  const h5Index = readH5Index(config.staticDir);
  const scriptHashes = h5Index ? inlineScriptHashes(h5Index) : [];
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Malformed URLs (`/api/v1/guides/%zz`) and over-long path parameters (414) are rejected before
    // routing, so no onRequest hook runs, the security headers' included: the envelope and the headers
    // of a JSON reply here.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply.headers(API_SECURITY_HEADERS)),
    // Requests Node's HTTP parser refuses (431, a NUL in the path) never reach routing: the envelope and
    // the headers of a JSON reply are written to the socket by hand (README: what stays outside Fastify's reach).
    clientErrorHandler: clientErrorHandler(API_SECURITY_HEADERS),
    childLoggerFactory: lazyChildLogger,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(localizedValidatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler);
  app.decorate('config', config);
  app.decorate('clock', options.clock ?? systemClock);

  // First the handlers every later context inherits, then third-party plugins, then our own plugins,
  // then the routes (swagger must be loaded before the routes it documents).
  app.register(errorHandler);
  app.register(security, { inlineScriptHashes: scriptHashes });
  app.register(compression);
  app.register(openapi);
  // Limits are declared per route (login, SMS code, register), none applies globally.
  app.register(dbPlugin, { database: config.database });
  app.register(services);
  app.register(authPlugin);
  app.register(topup, {
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.paymentProviders ? { providers: options.paymentProviders } : {}),
  });

  app.register(healthRoutes);
  app.register(guidesRoutes, options.guidesService ? { service: options.guidesService } : {});
  app.register(authRoutes);
  app.register(messagesRoutes);
  app.register(cardsRoutes);
  app.register(ordersRoutes);
  app.register(historyRoutes);
  app.register(tripsRoutes);
  app.register(autoTopupRoutes);
  app.register(cashierRoutes);
  app.register(staticSite, { staticDir: config.staticDir });

  return app;
}
