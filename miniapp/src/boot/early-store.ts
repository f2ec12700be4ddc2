// What the boot script leaves for the app: replies of the opened page's first GETs, fetched while the
// app's files were still downloading. Written by src/boot/boot.ts, read by src/api/early-replies.h5.ts.

/** The global the boot script fills (a property of `window`). */
export const EARLY_REPLIES_GLOBAL = '__cbcEarlyReplies';

/** As the API transport resolves (api/transport.ts): the status and the parsed JSON body. */
export interface EarlyReply {
  statusCode: number;
  data: unknown;
}

export interface EarlyEntry {
  /** The operation (src/api/request-key.ts RouteName), so the app can load its reply schemas at once. */
  endpoint: string;
  /** When the boot script sent the call (epoch ms). */
  sentAt: number;
  /** The session token it was sent with, '' without one: a reply is only for the session that asked. */
  token: string;
  /** Rejects when the call failed on the network or the body was not JSON. */
  reply: Promise<EarlyReply>;
  /** The reply once it is in, so a page's first render can show it without waiting a task. */
  settled?: EarlyReply;
}

/** By request key (src/api/request-key.ts). */
export type EarlyStore = Record<string, EarlyEntry>;
