import {
  errorMessage,
  fieldLabel,
  validationReasons,
  type ErrorCode,
  type ErrorEnvelope,
  type Language,
  type MessageParams,
} from '@cbc/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { $ZodIssue } from 'zod/v4/core';
import { AppError } from '../errors/app-error';
import { localizeIssueReason, type LocalizedReasons } from '../http/validator-compiler';
import { requestLanguage } from '../i18n/request-language';

/**
 * One envelope for every failure. Messages come from the shared catalog in the request's language;
 * only AppErrors and known 4xx framework errors say what went wrong. Everything else is a 500 with a
 * generic text: the real error goes to the log, never to the client (no stack, no file paths).
 */

interface Mapped {
  statusCode: number;
  code: ErrorCode;
  params?: MessageParams;
  field?: string;
}

// Fastify's own 4xx errors, which carry English text and internal wording: map them to stable codes.
const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

// Framework errors whose own status is not the one the client should see (multipart says 406).
const frameworkStatus: Record<string, number> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: 415,
};

const statusCodes: Record<number, ErrorCode> = {
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function mapValidationError(error: FastifyError, lang: Language): Mapped {
  const first = error.validation?.[0];
  const path = (first?.instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean).join('.');
  // An empty path means the whole part failed (e.g. a body that is not an object): name the part.
  const field = path || error.validationContext || undefined;
  let reason: string;
  const reasons = (first?.params as { reasons?: LocalizedReasons } | undefined)?.reasons;
  if (reasons) {
    reason = reasons[lang];
  } else if (first && hasZodFastifySchemaValidationErrors(error)) {
    // Issues from the stock zod compiler: translate what survives (no input, so no "received").
    const issue = {
      ...first.params,
      code: first.keyword,
      path: path.split('.'),
      message: first.message,
    } as unknown as $ZodIssue;
    reason = localizeIssueReason(issue, lang);
  } else {
    reason = validationReasons[lang].invalid;
  }
  return {
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    params: { field: fieldLabel(lang, field ?? ''), reason },
    ...(field ? { field } : {}),
  };
}

export function mapError(error: unknown, lang: Language): Mapped {
  if (error instanceof AppError) {
    return {
      statusCode: error.statusCode,
      code: error.code,
      params: error.params,
      ...(error.field ? { field: error.field } : {}),
    };
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (fastifyError?.validation) return mapValidationError(fastifyError as FastifyError, lang);
  const statusCode =
    (fastifyError?.code ? frameworkStatus[fastifyError.code] : undefined) ??
    (typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500);
  if (statusCode >= 400 && statusCode < 500) {
    const frameworkCode = fastifyError?.code ? frameworkCodes[fastifyError.code] : undefined;
    const code = frameworkCode ?? statusCodes[statusCode] ?? 'BAD_REQUEST';
    return { statusCode, code, params: code === 'RATE_LIMITED' ? { seconds: 60 } : {} };
  }
  return {
    statusCode: statusCode === 503 ? 503 : 500,
    code: statusCode === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR',
  };
}

export function envelopeOf(mapped: Mapped, lang: Language): ErrorEnvelope {
  return {
    error: {
      code: mapped.code,
      message: errorMessage(lang, mapped.code, mapped.params),
      ...(mapped.field ? { field: mapped.field } : {}),
    },
  };
}

/** Above this, a refused body is not worth reading to the end: the connection is cut instead. */
export const DRAIN_REFUSED_BODY_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Fastify refuses a body it will not parse (over the limit, an unsupported type) before reading it, and
 * asks for the connection to be closed. Closing a socket while the client's bytes still arrive makes the
 * kernel answer with a reset, which can destroy the error reply before the client reads it: the client
 * sees "connection reset" instead of the envelope. A body whose declared length is modest is read and
 * discarded instead (Node does that with an unread request when the connection stays open), so the reply
 * always arrives; a larger or undeclared one is still cut off.
 */
function drainRefusedBody(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.getHeader('connection') !== 'close' || request.raw.complete) return;
  const declared = Number(request.headers['content-length']);
  if (Number.isInteger(declared) && declared <= DRAIN_REFUSED_BODY_MAX_BYTES) reply.removeHeader('connection');
}

/** Sends the envelope for any error; also used for Fastify's `frameworkErrors` (bad URLs). */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = requestLanguage(request);
  const mapped = mapError(error, lang);
  if (mapped.statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    // Client mistakes are routine: the code is enough to spot a pattern, the input stays out of logs.
    request.log.info({ code: mapped.code, field: mapped.field }, 'request rejected');
  }
  // A reply that failed half-way may already carry cache headers meant for the success body.
  reply.removeHeader('etag');
  drainRefusedBody(request, reply);
  const seconds = mapped.params?.['seconds'];
  if (mapped.statusCode === 429 && typeof seconds === 'number') reply.header('retry-after', seconds);
  return reply
    .code(mapped.statusCode)
    .header('cache-control', 'no-store')
    .header('content-language', lang)
    .type('application/json; charset=utf-8')
    .send(envelopeOf(mapped, lang));
}

export default fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => sendError(error, request, reply));

    app.setNotFoundHandler((request, reply) => {
      const lang = requestLanguage(request);
      const url = request.url.split('?')[0] ?? '/';
      // The path is echoed back JSON-encoded; cap it so a huge URL does not become a huge reply.
      const shown = url.length > 200 ? `${url.slice(0, 200)}…` : url;
      request.log.info({ code: 'ROUTE_NOT_FOUND' }, 'route not found');
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .header('content-language', lang)
        .send(
          envelopeOf(
            { statusCode: 404, code: 'ROUTE_NOT_FOUND', params: { method: request.method, url: shown } },
            lang,
          ),
        );
    });
  },
  { name: 'error-handler' },
);
