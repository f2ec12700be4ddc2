import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DEFAULT_LANGUAGE, isLanguage, languageFromAcceptLanguage, type ErrorCode, type Language } from '@cbc/shared';
import type { FastifyInstance } from 'fastify';
import { envelopeOf } from './error-handler';

interface ParserError extends Error {
  code?: string;
  /** The bytes Node's parser choked on (part of the request), when it has them: a Buffer. */
  rawPacket?: unknown;
}

/** How far into the raw packet the language is looked for: enough for a request line and a few headers. */
const LANGUAGE_SCAN_BYTES = 8 * 1024;

/** `?lang=` on the request line, else Accept-Language, from whatever part of the request arrived. */
function languageOf(rawPacket: unknown): Language {
  if (!Buffer.isBuffer(rawPacket)) return DEFAULT_LANGUAGE;
  const head = rawPacket.toString('latin1', 0, Math.min(rawPacket.length, LANGUAGE_SCAN_BYTES));
  const fromQuery = /^[A-Z]+ [^ ?\r\n]*\?(?:[^ \r\n]*&)?lang=([A-Za-z-]+)/.exec(head)?.[1];
  if (isLanguage(fromQuery)) return fromQuery;
  const accept = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(head)?.[1];
  return languageFromAcceptLanguage(accept) ?? DEFAULT_LANGUAGE;
}

function statusOf(error: ParserError): { statusCode: number; code: ErrorCode } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { statusCode: 408, code: 'REQUEST_TIMEOUT' };
  if (error.code === 'HPE_HEADER_OVERFLOW') return { statusCode: 431, code: 'HEADERS_TOO_LARGE' };
  return { statusCode: 400, code: 'BAD_REQUEST' };
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request (a request line or headers over
 * the size limit, a NUL or other forbidden byte in the path, a malformed request line, a request that
 * took too long to arrive), so there is no request, no route and no hook. The reply is written to the
 * socket by hand, in the same shape as every other error: the envelope in the client's language (read
 * from the raw bytes when they came with it), no-store, and the security headers of a JSON reply.
 */
export function clientErrorHandler(securityHeaders: Readonly<Record<string, string>>) {
  return function onClientError(this: FastifyInstance, error: ParserError, socket: Socket): void {
    // A reset connection has no one to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { statusCode, code } = statusOf(error);
    const lang = languageOf(error.rawPacket);
    this.log.info({ code, parserError: error.code }, 'request rejected by the HTTP parser');
    if (socket.writable) {
      const body = JSON.stringify(envelopeOf({ statusCode, code }, lang));
      const headers: Record<string, string | number> = {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'content-language': lang,
        'cache-control': 'no-store',
        ...securityHeaders,
        connection: 'close',
      };
      const head = Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}\r\n${head}\r\n${body}`);
    }
    // Closes once the reply is flushed: what follows on this connection cannot be parsed anyway.
    socket.destroySoon();
  };
}
