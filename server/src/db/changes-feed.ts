import { listenToChannel, type ChannelListener } from './listen';

export interface ChangesFeedLog {
  warn(details: { err?: Error }, message: string): void;
  info(message: string): void;
}

/** A cache kept in step with a feed of changes: it forgets what each one names, and keeps nothing while deaf. */
export interface FedCache {
  setEnabled(enabled: boolean): void;
}

/**
 * Keeps `cache` in step with the changes announced on a PostgreSQL channel (by other instances, or by
 * triggers for every writer): `onChange` forgets what a payload names. While the connection is down the
 * cache keeps nothing, since a change announced then is lost; it is turned on only once listening.
 * `text` is for the log: the feed's name, and what happens while it is down and again once it listens.
 */
export function feedChangesFromChannel(
  url: string,
  channel: string,
  cache: FedCache,
  onChange: (payload: string) => void,
  log: ChangesFeedLog,
  text: { what: string; whileDeaf: string; whileListening: string },
): Promise<ChannelListener> {
  cache.setEnabled(false);
  let wasLost = false;
  return listenToChannel(url, channel, {
    onMessage: onChange,
    onListening: () => {
      cache.setEnabled(true);
      if (wasLost) log.info(`${text.what}: listening again; ${text.whileListening}`);
      wasLost = false;
    },
    onLost: (error) => {
      cache.setEnabled(false);
      if (!wasLost) log.warn({ err: error }, `${text.what}: connection lost; ${text.whileDeaf}`);
      wasLost = true;
    },
  });
}
