import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transportError } from '../../src/api/client';
import { transmit } from '../../src/api/transport.h5';

/**
 * The browser build's transport against a real HTTP server on a free port, with Node's own fetch (the
 * same WHATWG fetch and AbortController the browser has).
 */
let server: Server;
let base: string;
const seen: { method?: string; headers: IncomingMessage['headers']; body: string }[] = [];

function route(req: IncomingMessage, res: ServerResponse, body: string) {
  seen.push({ method: req.method, headers: req.headers, body });
  switch (req.url) {
    case '/json':
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: body, ok: true }));
      return;
    case '/empty':
      res.writeHead(204).end();
      return;
    case '/html':
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      return;
    case '/hang':
      return; // never answers
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => route(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('h5 transport (fetch)', () => {
  it('sends the JSON body with the headers and gives the status and the parsed reply', async () => {
    const call = transmit({
      url: `${base}/json`,
      method: 'POST',
      header: { 'Content-Type': 'application/json', 'X-Device-Id': 'device-1' },
      body: { amountMinor: 10_000 },
      timeoutMs: 5_000,
    });
    const reply = await call.reply;
    expect(reply).toEqual({ statusCode: 201, data: { echo: '{"amountMinor":10000}', ok: true } });
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.headers['x-device-id']).toBe('device-1');
    expect(last.headers['content-type']).toBe('application/json');
  });

  it('sends no body when there is none, and reads 204 and a non-JSON page as null', async () => {
    expect(await transmit({ url: `${base}/empty`, method: 'GET', header: {}, timeoutMs: 5_000 }).reply).toEqual({
      statusCode: 204,
      data: null,
    });
    expect(seen.at(-1)!.body).toBe('');
    expect(await transmit({ url: `${base}/html`, method: 'GET', header: {}, timeoutMs: 5_000 }).reply).toEqual({
      statusCode: 502,
      data: null,
    });
  });

  it('stops a call when asked, and the client reads the abort as a time-out', async () => {
    const call = transmit({ url: `${base}/hang`, method: 'GET', header: {}, timeoutMs: 60_000 });
    call.abort();
    const error = await call.reply.catch((reason: unknown) => reason);
    expect((error as Error).name).toBe('AbortError');
    expect(transportError(error, 'en').code).toBe('TIMEOUT');
  });

  it('gives up by itself after its backstop time', async () => {
    const error = await transmit({ url: `${base}/hang`, method: 'GET', header: {}, timeoutMs: 50 }).reply.catch(
      (reason: unknown) => reason,
    );
    expect((error as Error).name).toBe('AbortError');
  });

  it('reports an unreachable server as a network error, not a time-out', async () => {
    const error = await transmit({
      url: 'http://127.0.0.1:1/none',
      method: 'GET',
      header: {},
      timeoutMs: 5_000,
    }).reply.catch((reason: unknown) => reason);
    expect(transportError(error, 'zh-Hans').code).toBe('NETWORK_ERROR');
  });
});
