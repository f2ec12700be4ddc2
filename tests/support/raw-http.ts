import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

/**
 * Requests sent as written: node:http's client keeps a path as given (fetch would resolve `..` and
 * re-encode it) and sends any bytes as the body; `sendRawBytes` writes a whole request to a socket for
 * what no HTTP client will send (a NUL in the path, a bare CR in a header).
 */
export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export type RawResult = { reply: RawReply } | { error: string };

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked, in 64 KB pieces, instead of a Content-Length. */
  chunked?: boolean;
}

export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

export function sendRaw(baseUrl: string, agent: Agent, req: RawRequest, timeoutMs = 20_000): Promise<RawResult> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: RawResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body && !req.chunked) headers['content-length'] = req.body.length;
    let outgoing;
    try {
      outgoing = request(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            done({
              reply: {
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString('utf8'),
              },
            }),
          );
          res.on('error', (error: NodeJS.ErrnoException) => done({ error: `reply: ${error.code ?? error.message}` }));
        },
      );
    } catch (error) {
      // The client itself refuses some values (a character a header may not carry): the case is not sendable.
      done({ error: `client refused: ${(error as Error).message}` });
      return;
    }
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no reply in ${timeoutMs} ms`)));
    // The server may answer (413) and close while the body is still going out: the reply is what counts.
    outgoing.on('error', (error: NodeJS.ErrnoException) => done({ error: error.code ?? error.message }));
    if (req.body && req.chunked) {
      for (let offset = 0; offset < req.body.length; offset += 64 * 1024) {
        outgoing.write(req.body.subarray(offset, offset + 64 * 1024));
      }
      outgoing.end();
    } else {
      outgoing.end(req.body);
    }
  });
}

/** Writes the bytes to a new connection and reads until the server closes it. */
export function sendRawBytes(baseUrl: string, bytes: Buffer, timeoutMs = 10_000): Promise<RawResult> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    let failed: string | undefined;
    socket.setTimeout(timeoutMs, () => {
      failed = `no close in ${timeoutMs} ms`;
      socket.destroy();
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while a long request is still being written: the reply is what counts.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') failed = error.code ?? error.message;
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (failed && text === '') return resolve({ error: failed });
      if (text === '') return resolve({ error: 'connection closed without a reply' });
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: IncomingHttpHeaders = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({
        reply: { status: Number(statusLine.split(' ')[1]), headers, body: split === -1 ? '' : text.slice(split + 4) },
      });
    });
    socket.write(bytes);
  });
}
