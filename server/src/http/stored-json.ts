import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import {
  COMPRESSION_ENCODINGS,
  COMPRESSION_THRESHOLD_BYTES,
  ON_THE_FLY_BROTLI_QUALITY,
  type CompressionEncoding,
} from '../plugins/compression';

/** A reply made once and sent many times: its JSON text, and its compressed forms once a client asks. */
export interface StoredJson {
  json: string;
  /**
   * How hard its compressed forms are worked for. `best` (the default) suits a reply kept until the next
   * deploy (a guide); `quick`, the compression plugin's own levels, one kept briefly (a user's card list,
   * made again after every change to their cards), where brotli's best took 1.3 ms for 2.4 KB against
   * 61 µs at quality 4 for a reply 20 % larger.
   */
  compression?: 'best' | 'quick';
}

/** In the plugin's order of preference; a mutable copy for the negotiator's signature. */
const ENCODINGS: CompressionEncoding[] = [...COMPRESSION_ENCODINGS];

type Effort = NonNullable<StoredJson['compression']>;

const compress: Record<CompressionEncoding, (text: Buffer, effort: Effort) => Buffer> = {
  br: (text, effort) =>
    brotliCompressSync(text, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]:
          effort === 'best' ? zlibConstants.BROTLI_MAX_QUALITY : ON_THE_FLY_BROTLI_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: text.length,
      },
    }),
  gzip: (text, effort) =>
    gzipSync(text, {
      level: effort === 'best' ? zlibConstants.Z_BEST_COMPRESSION : zlibConstants.Z_DEFAULT_COMPRESSION,
    }),
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
  return form === 'identity' ? utf8 : (kept[form] ??= compress[form](utf8, stored.compression ?? 'best'));
}

/**
 * Sends a stored reply, compressed the first time a client accepts brotli or gzip and kept so: the
 * compression plugin would compress the same bytes again on every request (at brotli quality 4, since
 * it cannot keep anything), and a stored reply does not change (a changed one is a new StoredJson).
 * Sizes and encodings follow that plugin's rules. Even uncompressed, the reply goes out as bytes encoded
 * once: sent as a string, the guide list's Chinese text was measured and encoded to UTF-8 again on every
 * request.
 */
export function sendStoredJson(request: FastifyRequest, reply: FastifyReply, stored: StoredJson): FastifyReply {
  reply.type('application/json; charset=utf-8');
  const utf8 = bytesOf(stored, 'identity');
  if (utf8.length < COMPRESSION_THRESHOLD_BYTES) return reply.send(utf8);
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = negotiate(request.headers['accept-encoding'] ?? '', ENCODINGS) as CompressionEncoding | null;
  if (!encoding) return reply.send(utf8);
  return reply.header('content-encoding', encoding).send(bytesOf(stored, encoding));
}
