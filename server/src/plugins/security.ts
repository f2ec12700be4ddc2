import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  /** CSP sources for the h5 page's inline scripts ('sha256-…'). */
  inlineScriptHashes: readonly string[];
}

/**
 * Security headers for the API, the h5 app and /docs with one policy: every script, style, font and
 * request stays on this origin. Styles may be inline (Taro and Swagger UI set element styles); images
 * may be data:/blob: URIs (Swagger UI's icons, generated QR codes later).
 */
export default fp<SecurityOptions>(
  async (app, { inlineScriptHashes }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        // Spelled out instead of helmet's defaults, which add upgrade-insecure-requests: that would
        // break the plain-HTTP LAN address a phone uses to open the h5 app.
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          // Taro's h5 uploadFile re-reads the chosen photo from its blob: URL before posting it.
          connectSrc: ["'self'", 'blob:'],
          fontSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'", ...inlineScriptHashes],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
        },
      },
    });
  },
  { name: 'security' },
);
