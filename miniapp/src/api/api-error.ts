import type { ErrorCode } from '@cbc/shared';

/**
 * Failures that happen before or outside the server's error envelope, and `UNKNOWN_ERROR`: an envelope
 * whose code this (older) app version does not know; its message is still the server's, localized.
 */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_REPLY' | 'HTTP_ERROR' | 'UNKNOWN_ERROR';

/**
 * Every failed request rejects with this. `code` is stable (branch on it); `message` is ready to show
 * in the user's language; `status` is the HTTP status, 0 when no reply arrived; `field` is the request
 * field at fault when the server named one (a dotted path such as `phone.number` or `plates.0.number`).
 */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly field: string | undefined;

  constructor(code: ErrorCode | ClientErrorCode, message: string, status: number, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

/** Anything a request rejected with, as an ApiError (a programming error becomes a network-style one). */
export function toApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError('NETWORK_ERROR', String(caught), 0);
}
