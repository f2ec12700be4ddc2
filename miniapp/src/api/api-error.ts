import type { ErrorCode } from '@cbc/shared';

/** Failures that happen before or outside the server's error envelope. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_REPLY' | 'HTTP_ERROR';

/**
 * Every failed request rejects with this. `code` is stable (branch on it); `message` is ready to show
 * in the user's language; `status` is the HTTP status, 0 when no reply arrived.
 */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;

  constructor(code: ErrorCode | ClientErrorCode, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}
