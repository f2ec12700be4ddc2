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

export class BadRequestError extends AppError {
  constructor(code: ErrorCode, params: MessageParams = {}, field?: string) {
    super(code, 400, params, field);
  }
}

/** 401: no usable credentials. The client logs the user in (again). */
export class UnauthenticatedError extends AppError {
  constructor(code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' | 'INVALID_CREDENTIALS' = 'UNAUTHENTICATED') {
    super(code, 401);
  }
}

export class ConflictError extends AppError {
  constructor(code: ErrorCode, params: MessageParams = {}, field?: string) {
    super(code, 409, params, field);
  }
}

/** 429; the error handler also sends `Retry-After: seconds`. */
export class TooManyRequestsError extends AppError {
  constructor(seconds: number, code: 'RATE_LIMITED' | 'SMS_CODE_TOO_SOON' = 'RATE_LIMITED') {
    super(code, 429, { seconds: Math.max(1, Math.ceil(seconds)) });
  }
}
