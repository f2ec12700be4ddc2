import { buildApp, type App } from './app';
import { ConfigError, loadConfigFromProcess, type Config } from './config';
import { MigrationError } from './db/migrator';

/**
 * The only file that listens. It turns start-up failures into one clear line and exit code 1, and
 * closes the app (and with it the database) on SIGINT/SIGTERM so an interrupted write is not lost.
 */

const SHUTDOWN_TIMEOUT_MS = 10_000;

function startupFailure(error: unknown, config?: Config): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof MigrationError) return `Cannot start: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE' && config)
    return `Cannot start: port ${config.port} on ${config.host} is already in use (set PORT to another one)`;
  if (code === 'EACCES' && config) return `Cannot start: no permission to listen on ${config.host}:${config.port}`;
  return `Cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    console.error(startupFailure(error));
    process.exit(1);
  }

  const app: App = buildApp(config);
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    console.error(startupFailure(error, config));
    await app.close().catch(() => undefined);
    process.exit(1);
  }
  app.log.info(`跨境卡续费助手 listening on ${address}`);
  // The JSON log line above is for machines; a newcomer running `npm start` needs the address plainly.
  // It goes to stderr so stdout stays pure JSON lines for log collectors.
  console.error(`\n  跨境卡续费助手 is running: open ${address} (API reference: ${address}/docs)\n`);

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // A stuck connection must not keep the process alive forever.
    setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // `on`, not `once`: Ctrl-C reaches this process twice under `npm start` (from the terminal and
  // forwarded by scripts/start.mjs); the second must not kill it half-way through closing the DB.
  // The timeout above is the escape hatch for a close that hangs.
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
}

void main();
