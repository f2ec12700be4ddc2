import type { ErrorCode, MessageParams } from '@cbc/shared';

/**
 * A failure the client caused or may act on. The error handler turns it into the envelope with the
 * catalog message of `code` in the request's language, `params` filling its placeholders. Anything
 * that is not an AppError is treated as a bug: 500, details only in the server log.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    readonly params: MessageParams = {},
    /** The request field at fault, as a dotted path. */
    readonly field?: string,
  ) {
    // The message is for logs only; clients get the localized catalog text.
    super(`${code} ${JSON.stringify(params)}`);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(code: ErrorCode = 'NOT_FOUND', params: MessageParams = {}, field?: string) {
    super(code, 404, params, field);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(params: MessageParams = {}) {
    super('SERVICE_UNAVAILABLE', 503, params);
  }
}
