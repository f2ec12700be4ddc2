import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  /** CSP sources for the h5 page's inline scripts ('sha256-…'). */
  inlineScriptHashes: readonly string[];
}

/**
 * Security headers for the documents a browser renders (the h5 app, its files and /docs) with one
 * policy: every script, style, font and request stays on this origin. Styles may be inline (Taro and
 * Swagger UI set element styles); images may be data:/blob: URIs (Swagger UI's icons, generated QR codes).
 */
function helmetOptions(inlineScriptHashes: readonly string[]) {
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

/** Where the JSON API lives; everything else is a document or a file of the h5 app. */
const API_PATH_PREFIX = '/api/';

/**
 * The headers of a JSON reply: every API route's, and the error envelopes written before a route is
 * known (a malformed URL, a request Node's HTTP parser refuses). The set the OWASP REST Security Cheat
 * Sheet gives for API responses: nothing may load or frame the reply as a page (a policy that allows
 * nothing), no type sniffing, no cross-origin `no-cors` reads, HTTPS only. helmet's other headers steer
 * what a rendered document does (its referrer, its window's opener, its DNS prefetching, legacy XSS
 * filters) and mean nothing on JSON; the h5 page's long script policy neither. Sent on every API
 * reply, they were 12 headers and about 900 bytes, three times the body of `GET /me`, over a phone's
 * link at a border crossing, and Node validating and writing them was a tenth of that route's CPU.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/**
 * The headers helmet sets on a document, as a plain list (lower-case names), computed once by running
 * helmet's middleware against a stand-in response.
 */
function documentSecurityHeaders(inlineScriptHashes: readonly string[]): Record<string, string> {
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
 * Each reply gets the API's headers or a document's, by its path. Both sets are made once, and each
 * request only copies one: @fastify/helmet ran helmet's middleware on every request, which builds the
 * policy string from its directives each time (the profile of the guide list in issue 9 named it).
 */
export default fp<SecurityOptions>(
  async (app, { inlineScriptHashes }) => {
    const documentHeaders = documentSecurityHeaders(inlineScriptHashes);
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(request.url.startsWith(API_PATH_PREFIX) ? API_SECURITY_HEADERS : documentHeaders);
      done();
    });
  },
  { name: 'security' },
);
