import type { ErrorCode, MessageParams } from '@cbc/shared';

/**
 * A failure the client caused or may act on. The error handler turns it into the envelope with the
 * message template of `code` in the request's language; `params` fill that template. Anything that is
 * not an AppError is treated as a bug: 500, details only in the server log.
 */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly statusCode: number;

  constructor(
    readonly params: MessageParams = {},
    /** The request field at fault, as a dotted path. */
    readonly field?: string,
  ) {
    super();
    this.name = new.target.name;
  }

  override get message(): string {
    // For logs only: clients get the localized catalog text.
    return `${this.code} ${JSON.stringify(this.params)}`;
  }
}

export class NotFoundError extends AppError {
  readonly code: ErrorCode = 'NOT_FOUND';
  readonly statusCode = 404;
}

export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  readonly statusCode = 503;
}
