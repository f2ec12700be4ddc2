import { connect, type AddressInfo, type Socket } from 'node:net';
import { errorEnvelopeSchema } from '@cbc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAIN_REFUSED_BODY_MAX_BYTES } from '../../src/plugins/error-handler';
import { buildTestApp, type TestApp } from '../helper';

// A body over the limit is refused before it is read. If the server then closed the connection with the
// client's bytes still arriving, the kernel would reset it and the client could lose the 413: so a body of
// modest declared size is read and discarded, and the connection stays usable. Over a real socket, since
// `inject` has no connection to close.

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** Collects what the server sends on one socket; `next` waits for one whole reply (Content-Length framed). */
function conversation(socket: Socket) {
  let buffer = Buffer.alloc(0);
  let closed = false;
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    wake();
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
    wake();
  });
  const next = async (): Promise<{ status: number; headers: Record<string, string>; body: string } | 'closed'> => {
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end !== -1) {
        const [statusLine = '', ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
        const headers = Object.fromEntries(
          lines.map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
        );
        const length = Number(headers['content-length'] ?? 0);
        if (buffer.length >= end + 4 + length) {
          const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
          buffer = buffer.subarray(end + 4 + length);
          return { status: Number(statusLine.split(' ')[1]), headers, body };
        }
      }
      if (closed) return 'closed';
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { next, isClosed: () => closed };
}

const post = (length: number) =>
  `POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('a body over the limit', () => {
  it('gets its 413 envelope, the rest of the body is discarded, and the connection keeps serving', async () => {
    const socket = connect({ port, host: '127.0.0.1' });
    const talk = conversation(socket);
    const body = Buffer.alloc(2 * 1024 * 1024, 0x61);
    socket.write(post(body.length));
    socket.write(body);
    const refused = await talk.next();
    if (refused === 'closed') throw new Error('the connection was closed before the 413 arrived');
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).not.toBe('close');
    expect(errorEnvelopeSchema.parse(JSON.parse(refused.body)).error.code).toBe('PAYLOAD_TOO_LARGE');

    socket.write('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const after = await talk.next();
    expect(after === 'closed' ? 'closed' : after.status).toBe(200);
    socket.destroy();
  });

  it('is cut off with the connection when it declares more than is worth reading', async () => {
    const socket = connect({ port, host: '127.0.0.1' });
    const talk = conversation(socket);
    socket.write(post(DRAIN_REFUSED_BODY_MAX_BYTES + 1));
    socket.write('{"a":');
    const refused = await talk.next();
    if (refused === 'closed') throw new Error('the connection was closed without a reply');
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    await expect.poll(() => talk.isClosed()).toBe(true);
  });
});
