import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { COMPRESSION_ENCODINGS, COMPRESSION_THRESHOLD_BYTES, type CompressionEncoding } from '../plugins/compression';

/** A reply made once and sent many times: its JSON text, and its compressed forms once a client asks. */
export interface StoredJson {
  json: string;
}

/** In the plugin's order of preference; a mutable copy for the negotiator's signature. */
const ENCODINGS: CompressionEncoding[] = [...COMPRESSION_ENCODINGS];

const compress: Record<CompressionEncoding, (text: Buffer) => Buffer> = {
  br: (text) =>
    brotliCompressSync(text, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: text.length,
      },
    }),
  gzip: (text) => gzipSync(text, { level: zlibConstants.Z_BEST_COMPRESSION }),
};

const encodedForms = new WeakMap<StoredJson, Partial<Record<CompressionEncoding, Buffer>>>();

function encoded(stored: StoredJson, encoding: CompressionEncoding): Buffer {
  let forms = encodedForms.get(stored);
  if (!forms) {
    forms = {};
    encodedForms.set(stored, forms);
  }
  return (forms[encoding] ??= compress[encoding](Buffer.from(stored.json, 'utf8')));
}

/**
 * Sends a stored reply, compressed the first time a client accepts brotli or gzip and kept so: the
 * compression plugin would compress the same bytes again on every request (at brotli quality 4, since
 * it cannot keep anything), and these replies never change. Sizes and encodings follow that plugin's
 * rules, which then leaves the reply alone (its Content-Encoding is set).
 */
export function sendStoredJson(request: FastifyRequest, reply: FastifyReply, stored: StoredJson): FastifyReply {
  reply.type('application/json; charset=utf-8');
  if (Buffer.byteLength(stored.json) < COMPRESSION_THRESHOLD_BYTES) return reply.send(stored.json);
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = negotiate(request.headers['accept-encoding'] ?? '', ENCODINGS) as CompressionEncoding | null;
  if (!encoding) return reply.send(stored.json);
  return reply.header('content-encoding', encoding).send(encoded(stored, encoding));
}
