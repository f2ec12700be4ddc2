import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SECURITY_HEADERS } from '../../src/plugins/security';
import { buildTestApp, type TestApp } from '../helper';

// Node's HTTP parser refuses these before Fastify sees a request, so `inject` (which skips the parser)
// cannot show them: the app listens on a real port and the requests go over a raw socket.

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are and reads until the server closes the connection. */
function send(raw: string | Buffer): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server may close while a long request is still being written: that is the point.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(raw);
  });
}

const expectedSecurityHeaders = API_SECURITY_HEADERS;

function expectShape(reply: RawReply, status: number, error: { code: string; message: string }, lang: string) {
  expect(reply.status, reply.body).toBe(status);
  expect(JSON.parse(reply.body)).toEqual({ error });
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(reply.body)));
  expect(reply.headers['content-language']).toBe(lang);
  expect(reply.headers['cache-control']).toBe('no-store');
  for (const [name, value] of Object.entries(expectedSecurityHeaders)) expect(reply.headers[name], name).toBe(value);
}

describe('errors raised by Node’s HTTP parser before routing', () => {
  it('sends the same security headers as a routed reply', async () => {
    const routed = await send('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(routed.status).toBe(200);
    expect(Object.keys(expectedSecurityHeaders)).toEqual(
      expect.arrayContaining(['content-security-policy', 'x-content-type-options', 'x-frame-options']),
    );
    for (const [name, value] of Object.entries(expectedSecurityHeaders)) expect(routed.headers[name], name).toBe(value);
  });

  it('a 64 KB query: 431 HEADERS_TOO_LARGE in the envelope, in the ?lang= of the request line', async () => {
    const reply = await send(
      `GET /api/v1/guides?lang=en&q=${'a'.repeat(64 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    );
    expectShape(
      reply,
      431,
      { code: 'HEADERS_TOO_LARGE', message: 'The request’s address or headers are too long to process' },
      'en',
    );
  });

  it('a 64 KB header: 431 in the Accept-Language sent before it, zh-Hans without one', async () => {
    const big = `X-Filler: ${'b'.repeat(64 * 1024)}\r\n`;
    const hant = await send(`GET /api/v1/guides HTTP/1.1\r\nHost: localhost\r\nAccept-Language: zh-HK\r\n${big}\r\n`);
    expectShape(hant, 431, { code: 'HEADERS_TOO_LARGE', message: '請求的網址或標頭太長，無法處理' }, 'zh-Hant');
    const plain = await send(`GET /api/v1/guides HTTP/1.1\r\nHost: localhost\r\n${big}\r\n`);
    expectShape(plain, 431, { code: 'HEADERS_TOO_LARGE', message: '请求的网址或请求头太长，无法处理' }, 'zh-Hans');
  });

  it('a NUL in the path: 400 BAD_REQUEST in the envelope', async () => {
    const reply = await send(
      Buffer.concat([
        Buffer.from('GET /api/v1/gui'),
        Buffer.from([0]),
        Buffer.from('des?lang=en HTTP/1.1\r\nHost: localhost\r\n\r\n'),
      ]),
    );
    expectShape(
      reply,
      400,
      { code: 'BAD_REQUEST', message: 'The request could not be processed; check it and retry' },
      'en',
    );
  });

  it('a malformed request line: 400 BAD_REQUEST, and the server keeps serving', async () => {
    const reply = await send('NOT A REQUEST\r\n\r\n');
    expectShape(reply, 400, { code: 'BAD_REQUEST', message: '请求无法处理，请检查后重试' }, 'zh-Hans');
    const after = await send('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(after.status).toBe(200);
  });
});
