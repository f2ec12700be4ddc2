import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import fp from 'fastify-plugin';

/** Replies smaller than this are sent as they are. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
/** What replies are compressed with, the first one a client accepts in this order. */
export const COMPRESSION_ENCODINGS = ['br', 'gzip'] as const;
export type CompressionEncoding = (typeof COMPRESSION_ENCODINGS)[number];
/** Brotli's quality for replies compressed as they go out: 11 costs tens of times as much for a few per cent. */
export const ON_THE_FLY_BROTLI_QUALITY = 4;

/**
 * Compresses replies when the client asks for it (brotli preferred, then gzip), from 1 KB up: the
 * guide lists and history pages shrink to a fifth or less, small replies are left alone (the headers
 * would outweigh the saving). The h5 build's files come precompressed at the best brotli quality
 * (miniapp/config/h5-plugins.ts, served with @fastify/static's `preCompressed`); this plugin then sees a
 * Content-Encoding already set and leaves them as they are. Quality 4 on the fly: 11 costs tens of
 * milliseconds per reply for a few per cent fewer bytes.
 */
export default fp(
  async (app) => {
    await app.register(compress, {
      global: true,
      encodings: [...COMPRESSION_ENCODINGS],
      threshold: COMPRESSION_THRESHOLD_BYTES,
      brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: ON_THE_FLY_BROTLI_QUALITY } },
      // Request bodies are never compressed by our clients; payment notifications are verified on
      // their raw bytes, so nothing may rewrite them on the way in.
      globalDecompression: false,
    });
  },
  { name: 'compression' },
);
