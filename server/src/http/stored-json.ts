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

type Form = CompressionEncoding | 'identity';
const forms = new WeakMap<StoredJson, Partial<Record<Form, Buffer>>>();

/** The reply's bytes in one form, made the first time that form is asked for and kept. */
function bytesOf(stored: StoredJson, form: Form): Buffer {
  let kept = forms.get(stored);
  if (!kept) {
    kept = {};
    forms.set(stored, kept);
  }
  const utf8 = (kept.identity ??= Buffer.from(stored.json, 'utf8'));
  return form === 'identity' ? utf8 : (kept[form] ??= compress[form](utf8));
}

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Sends JSON that is already checked against the route's contract and encoded (the route's serializer is
 * skipped); the compression plugin compresses it as any reply, where the route has it.
 */
export function sendJsonBytes(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type(JSON_UTF8).send(json);
}

/**
 * Sends a stored reply, compressed the first time a client accepts brotli or gzip and kept so: the
 * compression plugin would compress the same bytes again on every request (at brotli quality 4, since
 * it cannot keep anything), and these replies never change. Sizes and encodings follow that plugin's
 * rules. Even uncompressed, the reply goes out as bytes encoded once: sent as a string, the guide list's
 * Chinese text was measured and encoded to UTF-8 again on every request.
 */
export function sendStoredJson(request: FastifyRequest, reply: FastifyReply, stored: StoredJson): FastifyReply {
  const utf8 = bytesOf(stored, 'identity');
  if (utf8.length < COMPRESSION_THRESHOLD_BYTES) return sendJsonBytes(reply, utf8);
  reply.type(JSON_UTF8);
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = negotiate(request.headers['accept-encoding'] ?? '', ENCODINGS) as CompressionEncoding | null;
  if (!encoding) return reply.send(utf8);
  return reply.header('content-encoding', encoding).send(bytesOf(stored, encoding));
}
