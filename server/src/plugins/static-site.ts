import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export interface StaticSiteOptions {
  /** The miniapp's h5 build (`miniapp/dist/h5`). */
  staticDir: string;
}

/** The h5 entry page, if the miniapp has been built. */
export function readH5Index(staticDir: string): string | undefined {
  const file = path.join(staticDir, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * CSP hashes ('sha256-…') of the inline <script> blocks of a page. Taro's h5 template inlines a small
 * bootstrap script; allowing exactly that script keeps 'unsafe-inline' out of script-src.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || body === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

// Build outputs carry a content hash in their names (app.3f9c2b1a.js, home.1a2b3c4d.png): such a file
// never changes, so browsers may keep it for a year without asking again. index.html names the current
// hashes, so it is always revalidated (ETag: a 304 costs a round trip, not the page). The few files
// without a hash (favicon.ico) may change with a release: a day, then revalidated.
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+(?:\.(?:br|gz))?$/i;

export const CACHE_POLICY = {
  entry: 'no-cache',
  hashed: 'public, max-age=31536000, immutable',
  unhashed: 'public, max-age=86400',
} as const;

export function cacheControlFor(filePath: string): string {
  const name = path.basename(filePath);
  if (name === 'index.html' || name.startsWith('index.html.')) return CACHE_POLICY.entry;
  if (HASHED_NAME.test(name)) return CACHE_POLICY.hashed;
  return CACHE_POLICY.unhashed;
}

const buildHintPage = `<!doctype html>
<html lang="zh-Hans">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>跨境卡续费助手</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6">
<h1>跨境卡续费助手</h1>
<p>The API is running, but the web build of the mini-program was not found.</p>
<p>Run <code>npm run build:h5</code> in the repository, then restart the server.</p>
<p>API documentation: <a href="/docs">/docs</a> · Health: <a href="/api/v1/health">/api/v1/health</a></p>
</body>
</html>
`;

/**
 * Serves the h5 build at `/` from the API's own port. Without a build the app still starts and `/`
 * explains how to make one. Unknown files fall through to the JSON 404 envelope.
 */
const staticSite: FastifyPluginAsync<StaticSiteOptions> = async (app, { staticDir }) => {
  if (readH5Index(staticDir) === undefined) {
    app.log.warn({ staticDir }, 'no h5 build found; / answers a build hint');
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(buildHintPage),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/',
    index: ['index.html'],
    // The build writes name.br and name.gz beside each text file (miniapp/config/h5-plugins.ts): the one
    // the request's Accept-Encoding prefers is sent, with Vary: Accept-Encoding, else the original.
    preCompressed: true,
    // Our own Cache-Control per file kind replaces the plugin's single max-age.
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(filePath));
    },
  });
};

export default staticSite;
