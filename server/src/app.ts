import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import guidesRoutes from './guides/index';
import type { GuidesService } from './guides/service';
import healthRoutes from './health/index';
import { localizedValidatorCompiler } from './http/validator-compiler';
import dbPlugin from './plugins/db';
import errorHandler, { sendError } from './plugins/error-handler';
import openapi from './plugins/openapi';
import security from './plugins/security';
import staticSite, { inlineScriptHashes, readH5Index } from './plugins/static-site';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
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
}

/**
 * Pieces of the log that may carry credentials. Fastify's request serializer logs no headers today;
 * the paths are here so a later `log.info({ req })` or a header-logging serializer cannot leak them.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
];

/**
 * The whole application as one instance that is not listening yet: tests call `inject`, the entry
 * point (server.ts) calls `listen`. Plugins load on `ready()`: the database opens and migrates then.
 */
export function buildApp(config: Config, options: BuildAppOptions = {}): App {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Malformed URLs (`/api/v1/guides/%zz`) are rejected before routing; give them the envelope too.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(localizedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);

  // First the handlers every later context inherits, then third-party plugins, then our own plugins,
  // then the routes (swagger must be loaded before the routes it documents).
  app.register(errorHandler);
  const h5Index = readH5Index(config.staticDir);
  app.register(security, { inlineScriptHashes: h5Index ? inlineScriptHashes(h5Index) : [] });
  app.register(openapi);
  app.register(dbPlugin, { database: config.database });

  app.register(healthRoutes);
  app.register(guidesRoutes, options.guidesService ? { service: options.guidesService } : {});
  app.register(staticSite, { staticDir: config.staticDir });

  return app;
}
