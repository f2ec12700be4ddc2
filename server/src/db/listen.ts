import pg from 'pg';
import { assertPlainIdentifier } from './plain-identifier';

export interface ChannelHandlers {
  /** A notification's payload. */
  onMessage(payload: string): void;
  /** Listening (again): from now on no notification is missed. */
  onListening(): void;
  /** The connection is gone: notifications sent from now until `onListening` are lost. */
  onLost(error: Error | undefined): void;
}

export interface ChannelListener {
  close(): Promise<void>;
}

const RECONNECT_DELAY_MS = 1_000;

/**
 * LISTENs on a PostgreSQL channel over a connection of its own (a pooled one would be handed to queries
 * and lose its LISTEN), and connects again after losing it. Resolves once listening; rejects if the
 * first connection fails, as the database is then not there at all.
 */
export async function listenToChannel(
  url: string,
  channel: string,
  handlers: ChannelHandlers,
): Promise<ChannelListener> {
  assertPlainIdentifier(channel, 'listenToChannel');
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, application_name: `cbc-listen-${channel}` });
    let listening = false;
    let lost = false;
    const onGone = (error?: Error) => {
      // A failure before listening is the caller's to handle (the catch below); 'error' and 'end' both come
      // for one loss.
      if (!listening || lost) return;
      lost = true;
      if (current === client) current = undefined;
      void client.end().catch(() => undefined);
      if (closed) return;
      handlers.onLost(error);
      retry = setTimeout(reconnect, RECONNECT_DELAY_MS);
      retry.unref();
    };
    client.on('notification', (message) => handlers.onMessage(message.payload ?? ''));
    client.on('error', onGone);
    client.on('end', () => onGone());
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end();
      return;
    }
    listening = true;
    current = client;
    handlers.onListening();
  };

  const reconnect = () => {
    if (closed) return;
    connect().catch((error: unknown) => {
      if (closed) return;
      handlers.onLost(error instanceof Error ? error : undefined);
      retry = setTimeout(reconnect, RECONNECT_DELAY_MS);
      retry.unref();
    });
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      await client?.end();
    },
  };
}
