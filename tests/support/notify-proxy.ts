import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The network between the simulated payment platforms and the server, made unreliable on purpose. The
 * server is started with PUBLIC_BASE_URL pointing here, so the platform's calls and its payment
 * notifications pass through; everything is forwarded as it is, except notifications, which the
 * current mode may drop, duplicate or hold back (to be released later, in any order).
 */
export type NotifyMode = 'pass' | 'drop' | 'duplicate' | 'hold';

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Forwarded {
  status: number;
  body: string;
}

export interface NotifyProxy {
  origin: string;
  /** Where requests go: the server's own origin, known once it listens. */
  target: string | undefined;
  mode: NotifyMode;
  /** Notifications seen, by what was done to them. */
  counts: Record<NotifyMode, number>;
  held(): number;
  /** Sends the held copies to the server in the order given by `order` (default: as they came). */
  release(order?: (held: readonly Captured[]) => Captured[]): Promise<Forwarded[]>;
  /** Sends the last notification that passed through again, as a platform replaying it would. */
  replayLast(): Promise<Forwarded>;
  close(): Promise<void>;
}

const isNotification = (request: IncomingMessage) =>
  request.method === 'POST' && (request.url ?? '').split('?')[0]?.endsWith('/notify') === true;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    // Hop-by-hop and length headers belong to this connection, not to the forwarded request.
    if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export async function startNotifyProxy(): Promise<NotifyProxy> {
  let lastPassed: Captured | undefined;
  let holding: Captured[] = [];

  type Reply = Forwarded & { headers: Record<string, string> };
  const forward = async (captured: Captured, method = 'POST'): Promise<Reply> => {
    if (!proxy.target) throw new Error('notify proxy: no target yet');
    const reply = await fetch(`${proxy.target}${captured.url}`, {
      method,
      headers: captured.headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(captured.body) }),
    });
    // The platform's replies are signed over their headers and body: both go back unchanged (fetch
    // has already undone any compression, so its length and encoding headers no longer apply).
    const headers: Record<string, string> = {};
    reply.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
        headers[name] = value;
    });
    return { status: reply.status, body: await reply.text(), headers };
  };

  const answer = (response: ServerResponse, reply: Reply) => {
    if (response.writableEnded || response.destroyed) return;
    response.writeHead(reply.status, reply.headers);
    response.end(reply.body);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const captured: Captured = {
        url: request.url ?? '/',
        headers: headersOf(request),
        body: await readBody(request),
      };
      if (!isNotification(request)) return answer(response, await forward(captured, request.method));
      const mode = proxy.mode;
      proxy.counts[mode] += 1;
      if (mode === 'drop') return request.socket.destroy();
      // Held back: a copy stays in the network to arrive later, and the platform gets no
      // acknowledgement now, so it retries on its schedule (each retry is held too).
      if (mode === 'hold') {
        holding.push(captured);
        return void response.writeHead(503).end();
      }
      lastPassed = captured;
      const copies = mode === 'duplicate' ? 3 : 1;
      const replies = await Promise.all(Array.from({ length: copies }, () => forward(captured)));
      answer(response, replies[0] as Reply);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const proxy: NotifyProxy = {
    origin: `http://127.0.0.1:${port}`,
    target: undefined,
    mode: 'pass',
    counts: { pass: 0, drop: 0, duplicate: 0, hold: 0 },
    held: () => holding.length,
    async release(order = (held) => [...held]) {
      const batch = holding;
      holding = [];
      const replies: Forwarded[] = [];
      // One after another, so "reversed" really arrives reversed.
      for (const captured of order(batch)) {
        const reply = await forward(captured);
        lastPassed = captured;
        replies.push({ status: reply.status, body: reply.body });
      }
      return replies;
    },
    async replayLast() {
      if (!lastPassed) throw new Error('notify proxy: nothing passed yet');
      const reply = await forward(lastPassed);
      return { status: reply.status, body: reply.body };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
