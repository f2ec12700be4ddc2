import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helper';

// JSON replies through the real app (every plugin and route as `npm start` composes them).
describe('compressed API replies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  // A guide with its steps, about 2 KB of JSON (the list of one card's guides is under 1 KB).
  const guide = (acceptEncoding?: string) =>
    t.app.inject({
      url: '/api/v1/guides/zhonggangtong-online?lang=zh-Hans',
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  it('sends a guide with brotli when the client accepts it, the same JSON inside', async () => {
    const plain = await guide();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const res = await guide('gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length * 0.75);
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toEqual(plain.json());
  });

  it('compresses a guide once, at brotli’s best quality, and sends those bytes to every later client', async () => {
    const plain = await guide();
    const first = await guide('br');
    const again = await guide('gzip;q=0.5, br');
    expect(again.headers['content-encoding']).toBe('br');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(again.headers['vary']).toMatch(/accept-language/i);
    expect(again.headers['etag']).toBe(plain.headers['etag']);
    // What the compression plugin makes of the same bytes on every request (quality 4) is larger.
    const onTheFly = brotliCompressSync(plain.rawPayload, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } });
    expect(first.rawPayload.length).toBeLessThan(onTheFly.length);
    // A client that accepts neither gets the plain JSON, with the same Vary.
    const identity = await guide('deflate');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['vary']).toMatch(/accept-encoding/i);
    expect(identity.rawPayload.equals(plain.rawPayload)).toBe(true);
  });

  it('uses gzip for a client without brotli', async () => {
    const res = await guide('gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString())).toEqual((await guide()).json());
  });

  it('leaves small replies as they are: the headers would cost more than they save', async () => {
    const res = await t.app.inject({ url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
