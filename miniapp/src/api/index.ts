export { ApiError, toApiError, type ClientErrorCode } from './api-error';
export {
  request,
  planRequest,
  send,
  takeEarlyReplyNow,
  IDEMPOTENT_ENDPOINTS,
  REQUEST_TIMEOUT_MS,
  type EndpointName,
  type Reply,
  type RequestArgs,
  type RequestBody,
} from './client';
export { isCacheable } from './cache';
export { uploadFile, UPLOAD_TIMEOUT_MS, type UploadOptions } from './upload';
export { useCachedQuery, type CachedQuery, type QueryStatus } from './use-cached-query';
export { newIdempotencyKey, useIdempotencyKey } from './idempotency';
export type { ClientMessage, ClientMessageKind } from './tolerant-replies';
