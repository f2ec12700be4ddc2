import Taro from '@tarojs/taro';
import { ID_PHOTO_FIELD, type Language } from '@cbc/shared';
import {
  parseReply,
  planRequest,
  requestHeaders,
  startLoadingReplies,
  transportError,
  withTimeout,
  type EndpointName,
  type Reply,
  type RequestArgs,
} from './client';
import { PLATFORM_TIMEOUT_GRACE_MS } from './timeouts';

/** Photos go over slow mobile links: more time than a JSON call. */
export const UPLOAD_TIMEOUT_MS = 30_000;

export interface UploadOptions {
  /** The multipart field, ID_PHOTO_FIELD unless the endpoint says otherwise. */
  fieldName?: string;
}

/**
 * A multipart upload to a shared endpoint (`bodyType: 'multipart'`). `Taro.uploadFile` does not go
 * through `Taro.request`, so this mirrors `send`: same URL building with `lang`, same device id and
 * session headers, the reply (a JSON string) parsed with the endpoint's 2xx schema, error envelopes
 * turned into ApiError and a 401 ending the session.
 */
export async function uploadFile<N extends EndpointName>(
  endpoint: N,
  args: RequestArgs<N> & { lang: Language },
  filePath: string,
  { fieldName = ID_PHOTO_FIELD }: UploadOptions = {},
): Promise<Reply<N>> {
  const plan = planRequest(endpoint, args, args.lang);
  // The multipart content type (with its boundary) is set by the upload itself.
  const { header, token } = requestHeaders(false);
  const replies = startLoadingReplies(endpoint);
  let response: { statusCode: number; data: unknown };
  try {
    const task = Taro.uploadFile({
      url: `${API_BASE_URL}${plan.key}`,
      filePath,
      name: fieldName,
      header,
      timeout: UPLOAD_TIMEOUT_MS + PLATFORM_TIMEOUT_GRACE_MS,
    });
    // Given up on: abort it, so the photo does not arrive after the page has moved on.
    response = await withTimeout(task, UPLOAD_TIMEOUT_MS, () => (task as { abort?: () => void }).abort?.());
  } catch (error) {
    throw transportError(error, args.lang);
  }
  let data: unknown = response.data;
  if (typeof data === 'string' && data !== '') {
    try {
      data = JSON.parse(data);
    } catch {
      // Left as text: parseReply reports it as a reply the app does not understand.
    }
  }
  return parseReply(endpoint, response.statusCode, data, args.lang, token, replies);
}
