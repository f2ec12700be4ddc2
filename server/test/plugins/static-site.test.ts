import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_POLICY, cacheControlFor, inlineScriptHashes } from '../../src/plugins/static-site';
import { buildTestApp, type TestApp } from '../helper';

const bootScript = 'document.documentElement.dataset.boot="1"';
const indexHtml = `<!doctype html><html><head><title>h5 build</title><script>${bootScript}</script></head>
<body><div id="app"></div><script src="/js/app.3f9c2b1a.js"></script></body></html>`;
// Large enough to be worth compressing, like a real bundle.
const appJs = `${'console.log("a line of the app bundle");\n'.repeat(200)}`;

describe('with an h5 build in STATIC_DIR', () => {
  let t: TestApp;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await mkdtemp(path.join(tmpdir(), 'cbc-h5-'));
    await mkdir(path.join(staticDir, 'js'));
    await writeFile(path.join(staticDir, 'index.html'), indexHtml);
    // What the h5 build writes (miniapp/config/h5-plugins.ts): the file and its precompressed copies.
    await writeFile(path.join(staticDir, 'js', 'app.3f9c2b1a.js'), appJs);
    await writeFile(path.join(staticDir, 'js', 'app.3f9c2b1a.js.br'), brotliCompressSync(appJs));
    await writeFile(path.join(staticDir, 'js', 'app.3f9c2b1a.js.gz'), gzipSync(appJs));
    await writeFile(path.join(staticDir, 'favicon.ico'), 'icon');
    t = await buildTestApp({ env: { STATIC_DIR: staticDir } });
  });
  afterAll(async () => {
    await t.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  it('serves index.html at / without caching it', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(indexHtml);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('allows exactly the inline boot script of index.html in the CSP', async () => {
    const csp = (await t.app.inject({ url: '/' })).headers['content-security-policy'] as string;
    const hash = createHash('sha256').update(bootScript).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('lets browsers keep hashed assets for a year, unhashed files a day, and revalidate index.html', async () => {
    const asset = await t.app.inject({ url: '/js/app.3f9c2b1a.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.app.inject({ url: '/favicon.ico' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('sends the precompressed brotli copy to a browser that accepts it, with the same cache policy', async () => {
    const res = await t.app.inject({ url: '/js/app.3f9c2b1a.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(CACHE_POLICY.hashed);
    expect(res.rawPayload.length).toBeLessThan(appJs.length / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(appJs);
  });

  it('falls back to gzip, then to the file itself', async () => {
    const gz = await t.app.inject({ url: '/js/app.3f9c2b1a.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(appJs);
    const plain = await t.app.inject({ url: '/js/app.3f9c2b1a.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(appJs);
  });

  it('keeps the API and its JSON 404 envelope beside the static files', async () => {
    expect((await t.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    const res = await t.app.inject({ url: '/api/v1/nope?lang=en' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'No such endpoint: GET /api/v1/nope' } });
    const missing = await t.app.inject({ url: '/js/missing.js?lang=en' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'No such endpoint: GET /js/missing.js' },
    });
  });

  it('refuses to leave STATIC_DIR', async () => {
    const res = await t.app.inject({ url: '/../../etc/passwd' });
    expect(res.statusCode).toBe(404);
  });
});

describe('without an h5 build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('still starts, and / says how to build the h5 app', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('npm run build:h5');
    expect(t.logs().some((line) => line.msg === 'no h5 build found; / answers a build hint')).toBe(true);
  });
});

describe('helpers', () => {
  it('hashes only inline scripts with a body', () => {
    expect(inlineScriptHashes('<script src="a.js"></script><script></script>')).toEqual([]);
    expect(inlineScriptHashes('<script type="text/javascript">x()</script><script>x()</script>')).toEqual([
      `'sha256-${createHash('sha256').update('x()').digest('base64')}'`,
    ]);
  });

  it.each([
    ['/h5/index.html', 'no-cache'],
    ['/h5/js/app.3f9c2b1a.js', 'public, max-age=31536000, immutable'],
    ['/h5/css/vendors-3f9c2b1a9d.css', 'public, max-age=31536000, immutable'],
    ['/h5/js/app.3f9c2b1a.js.br', 'public, max-age=31536000, immutable'],
    ['/h5/static/images/home.c5edb43c.png', 'public, max-age=31536000, immutable'],
    ['/h5/index.html.br', 'no-cache'],
    ['/h5/favicon.ico', 'public, max-age=86400'],
    ['/h5/logo.png', 'public, max-age=86400'],
  ])('cache policy of %s is %s', (file, policy) => {
    expect(cacheControlFor(file)).toBe(policy);
  });
});
