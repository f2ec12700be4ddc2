export { ApiError, type ClientErrorCode } from './api-error';
export {
  request,
  planRequest,
  send,
  REQUEST_TIMEOUT_MS,
  type EndpointName,
  type Reply,
  type RequestArgs,
} from './client';
export { useCachedQuery, type CachedQuery, type QueryStatus } from './use-cached-query';
