import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
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
/** The one helmet policy, for every reply (and those written before Fastify has a request). */
export function helmetOptions(inlineScriptHashes: readonly string[]) {
  return {
    contentSecurityPolicy: {
      // Spelled out instead of helmet's defaults, which add upgrade-insecure-requests: that would
      // break the plain-HTTP LAN address a phone uses to open the h5 app.
      useDefaults: false as const,
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
  };
}

/**
 * The headers helmet sets on every reply, as a plain list (lower-case names), computed once by running
 * helmet's middleware against a stand-in response: for replies Node's HTTP parser forces before any
 * request exists (431, 400, 408 in the client error handler), which no hook of Fastify reaches.
 */
export function securityHeaders(inlineScriptHashes: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions(inlineScriptHashes))(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  return headers;
}

/**
 * The headers are the same for every reply, so helmet runs once, here, and each request only copies
 * them. @fastify/helmet ran helmet's middleware on every request, which builds the policy string from
 * its directives each time: the profile of the guide list in issue 9 named it in the stack's cost.
 */
export default fp<SecurityOptions>(
  async (app, { inlineScriptHashes }) => {
    const headers = securityHeaders(inlineScriptHashes);
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security' },
);
